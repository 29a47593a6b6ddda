using System.Security.Cryptography;

namespace Mcu.Sdp.Tests;

public class SdpOffererTests
{
    private static readonly DtlsFingerprint ClientFingerprint = new(DtlsFingerprint.Sha256, SHA256.HashData("client certificate"u8));

    private static readonly LocalTrack ClientAudio = new(0xAAAA0001, "client", "cam", "mic");

    private static readonly LocalTrack ClientVideo = new(0xAAAA0002, "client", "cam", "camera") { RtxSsrc = 0xAAAA0003 };

    private static SdpOfferOptions ClientOptions(bool sendMedia = true, bool transportCc = false) => new()
    {
        Transport = new LocalTransport
        {
            IceUfrag = "cli1",
            IcePwd = "clientPasswordForTests1",
            Fingerprint = ClientFingerprint,
            Candidates = [IceCandidate.Host("7", "192.0.2.77", 50000)],
        },
        AudioTrack = sendMedia ? ClientAudio : null,
        VideoTrack = sendMedia ? ClientVideo : null,
        EnableTransportCc = transportCc,
        SessionId = 99,
    };

    [Fact]
    public void Offer_is_actpass_bundled_opus_and_vp8_with_rtx()
    {
        var offerer = new SdpOfferer(ClientOptions());
        string[] lines = Fixtures.Lines(offerer.Sdp);

        Assert.Equal(["v=0", "o=- 99 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1", "m=audio 50000 UDP/TLS/RTP/SAVPF 111"], lines[..6]);
        Assert.Equal(2, lines.Count(line => line == "a=setup:actpass"));
        Assert.Equal(2, lines.Count(line => line == "a=rtcp-mux"));
        Assert.Contains("a=fmtp:111 minptime=10;useinbandfec=1", lines);
        Assert.Contains("m=video 50000 UDP/TLS/RTP/SAVPF 96 97", lines);
        Assert.Contains("a=fmtp:97 apt=96", lines);
        Assert.Equal(
            ["a=rtcp-fb:96 goog-remb", "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli"],
            lines.Where(line => line.StartsWith("a=rtcp-fb", StringComparison.Ordinal)));
        Assert.Equal(
            ["a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level", "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
             "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"],
            lines.Where(line => line.StartsWith("a=extmap", StringComparison.Ordinal)));
        Assert.Contains("a=ssrc-group:FID 2863267842 2863267843", lines);
        Assert.Single(lines, line => line.StartsWith("a=candidate", StringComparison.Ordinal));
        Assert.Equal(offerer.Sdp, SessionDescription.Parse(offerer.Sdp).ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Our_offerer_and_answerer_agree_on_payload_types_extensions_ssrcs_and_roles(bool transportCc)
    {
        var offerer = new SdpOfferer(ClientOptions(transportCc: transportCc));
        SdpAnswer answer = new SdpAnswerer(Fixtures.AnswerOptions(transportCc: transportCc)).CreateAnswer(offerer.Sdp);

        NegotiatedSession client = offerer.AcceptAnswer(answer.Sdp);
        NegotiatedSession server = answer.Session;

        Assert.Equal(DtlsRole.Server, server.LocalDtlsRole);
        Assert.Equal(DtlsRole.Client, client.LocalDtlsRole);
        Assert.True(client.RemoteIceLite);
        Assert.False(server.RemoteIceLite);
        Assert.Equal(("mcuU", "mcuPasswordForTests0123"), (client.RemoteIceUfrag, client.RemoteIcePwd));
        Assert.Equal(("cli1", "clientPasswordForTests1"), (server.RemoteIceUfrag, server.RemoteIcePwd));
        Assert.Equal(Fixtures.McuFingerprint, client.RemoteFingerprint);
        Assert.Equal(ClientFingerprint, server.RemoteFingerprint);
        Assert.Equal(Fixtures.McuCandidate.ToString(), Assert.Single(client.RemoteCandidates).ToString());
        Assert.Equal("192.0.2.77", Assert.Single(server.RemoteCandidates).Address);
        Assert.Equal(("0", "0"), (client.BundleTag, server.BundleTag));
        Assert.Empty(client.Warnings);
        Assert.Empty(server.Warnings);

        for (int i = 0; i < 2; i++)
        {
            NegotiatedMedia ours = client.Media[i];
            NegotiatedMedia theirs = server.Media[i];
            Assert.Equal(MediaDirection.SendRecv, ours.Direction);
            Assert.Equal(MediaDirection.SendRecv, theirs.Direction);
            Assert.Equal(theirs.Codec!.PayloadType, ours.Codec!.PayloadType);
            Assert.Equal(theirs.Codec.LocalParameters, ours.Codec.RemoteParameters);
            Assert.Equal(theirs.RtxPayloadType, ours.RtxPayloadType);
            Assert.Equal(theirs.Feedback, ours.Feedback);
            Assert.Equal(transportCc, ours.Feedback.HasFlag(RtcpFeedbackKinds.TransportCc));
            Assert.Equal(theirs.Extensions.Select(e => (e.Id, e.Uri)), ours.Extensions.Select(e => (e.Id, e.Uri)));
            Assert.True(ours.RtcpReducedSize);
        }

        Assert.Equal((111, (int?)null), (client.Media[0].Codec!.PayloadType, client.Media[0].RtxPayloadType));
        Assert.Equal((96, (int?)97), (client.Media[1].Codec!.PayloadType, client.Media[1].RtxPayloadType));

        Assert.Equal(new RemoteSource(0x11111111, null, "mcu", "mix", "mix-audio"), Assert.Single(client.Media[0].RemoteSources));
        Assert.Equal(new RemoteSource(0x22222222, 0x33333333, "mcu", "mix", "mix-video"), Assert.Single(client.Media[1].RemoteSources));
        Assert.Equal(new RemoteSource(0xAAAA0001, null, "client", "cam", "mic"), Assert.Single(server.Media[0].RemoteSources));
        Assert.Equal(new RemoteSource(0xAAAA0002, 0xAAAA0003, "client", "cam", "camera"), Assert.Single(server.Media[1].RemoteSources));
        Assert.Equal(ClientVideo, client.Media[1].LocalTrack);
    }

    [Fact]
    public void Receive_only_client_gets_the_mcu_streams()
    {
        var offerer = new SdpOfferer(ClientOptions(sendMedia: false));
        SdpAnswer answer = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offerer.Sdp);

        NegotiatedSession client = offerer.AcceptAnswer(answer.Sdp);

        Assert.Contains("a=recvonly", offerer.Sdp, StringComparison.Ordinal);
        Assert.All(client.Media, media => Assert.Equal(MediaDirection.RecvOnly, media.Direction));
        Assert.All(answer.Session.Media, media => Assert.Equal(MediaDirection.SendOnly, media.Direction));
        Assert.Equal(0x22222222u, Assert.Single(client.Media[1].RemoteSources).Ssrc);
    }

    [Fact]
    public void Browser_style_answer_with_active_setup_makes_us_the_dtls_server()
    {
        var offerer = new SdpOfferer(ClientOptions());
        string answer = Fixtures.Sdp(
            "v=0",
            "o=- 5 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=msid-semantic: WMS",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:Ab12",
            "a=ice-pwd:Zq9w8e7r6t5y4u3i2o1p0a9s",
            "a=ice-options:trickle",
            "a=fingerprint:sha-256 " + Fixtures.McuFingerprint.ToString()[8..],
            "a=setup:active",
            "a=mid:0",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=recvonly",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
            "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:Ab12",
            "a=ice-pwd:Zq9w8e7r6t5y4u3i2o1p0a9s",
            "a=fingerprint:sha-256 " + Fixtures.McuFingerprint.ToString()[8..],
            "a=setup:active",
            "a=mid:1",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=sendrecv",
            "a=msid:- 0b1c2d3e",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=ssrc-group:FID 10 11",
            "a=ssrc:10 cname:browser",
            "a=ssrc:11 cname:browser");

        NegotiatedSession session = offerer.AcceptAnswer(answer);

        Assert.Equal(DtlsRole.Server, session.LocalDtlsRole);
        Assert.False(session.RemoteIceLite);
        Assert.Empty(session.RemoteCandidates);
        Assert.False(session.RemoteEndOfCandidates);
        Assert.Equal(MediaDirection.SendOnly, session.Media[0].Direction);
        Assert.Equal(ClientAudio, session.Media[0].LocalTrack);
        Assert.Equal([(1, RtpExtensionUris.Mid), (2, RtpExtensionUris.SsrcAudioLevel)], session.Media[0].Extensions.Select(e => (e.Id, e.Uri)));
        Assert.Equal(MediaDirection.SendRecv, session.Media[1].Direction);
        Assert.Equal(RtcpFeedbackKinds.Nack | RtcpFeedbackKinds.NackPli | RtcpFeedbackKinds.CcmFir, session.Media[1].Feedback);
        Assert.Equal(new RemoteSource(10, 11, "browser", "-", "0b1c2d3e"), Assert.Single(session.Media[1].RemoteSources));
    }

    [Fact]
    public void Rejected_section_in_the_answer_is_reported()
    {
        var offerer = new SdpOfferer(ClientOptions());
        var options = new SdpAnswerOptions { Transport = Fixtures.McuTransport(), Video = MediaPolicy.Disabled };
        SdpAnswer answer = new SdpAnswerer(options).CreateAnswer(offerer.Sdp);

        NegotiatedSession session = offerer.AcceptAnswer(answer.Sdp);

        Assert.True(session.Media[0].Accepted);
        Assert.False(session.Media[1].Accepted);
        Assert.Contains("port 0", session.Media[1].RejectionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=setup:passive", "a=setup:actpass", "an answer must say active or passive")]
    [InlineData("UDP/TLS/RTP/SAVPF 96 97", "UDP/TLS/RTP/SAVPF 96 97 100", "payload type 100, which the offer did not list")]
    [InlineData("m=video", "m=text", "(RFC 3264 §6 keeps the offer's media types)")]
    [InlineData("a=mid:1", "a=mid:9", "has mid '9'")]
    [InlineData("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 7", "names mid '7'")]
    public void Answers_that_do_not_fit_the_offer_are_refused(string find, string replace, string expected)
    {
        var offerer = new SdpOfferer(ClientOptions());
        string answer = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offerer.Sdp).Sdp.Replace(find, replace, StringComparison.Ordinal);

        SdpException error = Assert.Throws<SdpException>(() => offerer.AcceptAnswer(answer));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_with_a_different_number_of_sections_is_refused()
    {
        var offerer = new SdpOfferer(ClientOptions());

        SdpException error = Assert.Throws<SdpException>(() => offerer.AcceptAnswer(Fixtures.Offer(Fixtures.FirefoxWithDataChannel)));

        Assert.Contains("the answer has 3 m= sections but the offer had 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_offer_options_are_rejected_up_front()
    {
        SdpOfferOptions options = ClientOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => new SdpOfferer(new SdpOfferOptions { Transport = options.Transport, OpusPayloadType = 8 }));
        Assert.Throws<ArgumentException>(() => new SdpOfferer(new SdpOfferOptions { Transport = options.Transport, RtxPayloadType = 96 }));
    }
}
