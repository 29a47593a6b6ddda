namespace Mcu.Sdp.Tests;

public class SdpAnswererTests
{
    private static string[] Section(string sdp, int index)
    {
        string[] lines = Fixtures.Lines(sdp);
        int[] starts = [.. Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("m=", StringComparison.Ordinal)), lines.Length];
        return lines[starts[index]..starts[index + 1]];
    }

    [Fact]
    public void Chromium_offer_gets_a_bundled_ice_lite_passive_answer_with_opus_and_vp8()
    {
        SdpAnswer answer = Fixtures.Answer(Fixtures.ChromiumSendRecv);
        string[] lines = Fixtures.Lines(answer.Sdp);

        Assert.Equal(["v=0", "o=- 4242 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=ice-lite", "a=group:BUNDLE 0 1", "a=extmap-allow-mixed", "a=msid-semantic:WMS *"], lines[..8]);
        Assert.Equal(2, lines.Count(line => line == "a=setup:passive"));
        Assert.Equal(2, lines.Count(line => line == "a=rtcp-mux"));
        Assert.Equal(2, lines.Count(line => line == "a=ice-ufrag:mcuU"));
        Assert.Equal(2, lines.Count(line => line == "a=fingerprint:" + Fixtures.McuFingerprint));

        string[] audio = Section(answer.Sdp, 0);
        Assert.Equal("m=audio 40000 UDP/TLS/RTP/SAVPF 111", audio[0]);
        Assert.Contains("c=IN IP4 192.0.2.10", audio);
        Assert.Contains("a=rtpmap:111 opus/48000/2", audio);
        Assert.Contains("a=fmtp:111 minptime=10;useinbandfec=1", audio);
        Assert.Contains("a=sendrecv", audio);
        Assert.Contains("a=" + Fixtures.McuCandidate, audio);
        Assert.Contains("a=end-of-candidates", audio);
        Assert.Contains("a=msid:mix mix-audio", audio);
        Assert.Contains("a=ssrc:286331153 cname:mcu", audio);
        Assert.DoesNotContain(audio, line => line.StartsWith("a=rtcp-fb", StringComparison.Ordinal));

        string[] video = Section(answer.Sdp, 1);
        Assert.Equal("m=video 40000 UDP/TLS/RTP/SAVPF 96 97", video[0]);
        Assert.Contains("a=rtpmap:96 VP8/90000", video);
        Assert.Contains("a=rtpmap:97 rtx/90000", video);
        Assert.Contains("a=fmtp:97 apt=96", video);
        Assert.Equal(
            ["a=rtcp-fb:96 goog-remb", "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli"],
            video.Where(line => line.StartsWith("a=rtcp-fb", StringComparison.Ordinal)));
        Assert.Contains("a=ssrc-group:FID 572662306 858993459", video);
        Assert.DoesNotContain(video, line => line.StartsWith("a=candidate", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Sdp, "H264", StringComparison.Ordinal);
    }

    [Fact]
    public void Chromium_offer_negotiates_codecs_extensions_sources_and_transport()
    {
        NegotiatedSession session = Fixtures.Answer(Fixtures.ChromiumSendRecv).Session;

        Assert.Equal("Ub4x", session.RemoteIceUfrag);
        Assert.Equal("f2ZxTBQs4rGg7zN9J0pKcV8d", session.RemoteIcePwd);
        Assert.Equal(DtlsFingerprint.Parse("sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C"), session.RemoteFingerprint);
        Assert.Equal(DtlsRole.Server, session.LocalDtlsRole);
        Assert.Equal("0", session.BundleTag);
        Assert.True(session.ExtmapAllowMixed);
        Assert.Equal(["192.168.1.34", "10.8.0.6", "192.168.1.34"], session.RemoteCandidates.Select(candidate => candidate.Address));
        Assert.Empty(session.Warnings);

        NegotiatedMedia audio = session.Media[0];
        Assert.True(audio.Accepted);
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
        Assert.Equal(new NegotiatedCodec(111, "opus", 48000, 2) { LocalParameters = "minptime=10;useinbandfec=1", RemoteParameters = "minptime=10;useinbandfec=1" }, audio.Codec);
        Assert.Equal(RtcpFeedbackKinds.None, audio.Feedback);
        Assert.True(audio.RtcpReducedSize);
        Assert.Equal(
            [(1, RtpExtensionUris.SsrcAudioLevel), (2, RtpExtensionUris.AbsSendTime), (4, RtpExtensionUris.Mid)],
            audio.Extensions.Select(extension => (extension.Id, extension.Uri)));
        Assert.Equal(new RemoteSource(2873416390, null, "kq3R7w9sPZ1aXe5b", "4f3b0e4a-63b1-4d38-8d0f-2a6c7e5d9b11", "9e1d5c2a-7b44-4f0e-a2d3-51c6b8e0f7a4"), Assert.Single(audio.RemoteSources));
        Assert.Equal(Fixtures.AudioTrack, audio.LocalTrack);

        NegotiatedMedia video = session.Media[1];
        Assert.Equal(96, video.Codec!.PayloadType);
        Assert.Equal(97, video.RtxPayloadType);
        Assert.Equal(RtcpFeedbackKinds.Nack | RtcpFeedbackKinds.NackPli | RtcpFeedbackKinds.CcmFir | RtcpFeedbackKinds.GoogRemb, video.Feedback);
        Assert.Equal([2, 4], video.Extensions.Select(extension => extension.Id));
        Assert.Equal(4, video.FindExtensionId(RtpExtensionUris.Mid));
        Assert.Null(video.FindExtensionId(RtpExtensionUris.TransportWideCc));
        RemoteSource source = Assert.Single(video.RemoteSources);
        Assert.Equal((1649733018u, (uint?)3520816475u, "c1f0a7d2-3e58-4b96-9d1c-08e2f5a4b637"), (source.Ssrc, source.RtxSsrc, source.TrackId));
        Assert.Null(video.SelectedRid);
    }

    [Fact]
    public void Transport_cc_is_accepted_only_when_enabled()
    {
        NegotiatedSession session = Fixtures.Answer(Fixtures.ChromiumSendRecv, transportCc: true).Session;

        Assert.Equal(RtcpFeedbackKinds.TransportCc, session.Media[0].Feedback);
        Assert.True(session.Media[1].Feedback.HasFlag(RtcpFeedbackKinds.TransportCc));
        Assert.Equal(3, session.Media[0].FindExtensionId(RtpExtensionUris.TransportWideCc));
        Assert.Equal(3, session.Media[1].FindExtensionId(RtpExtensionUris.TransportWideCc));
    }

    [Fact]
    public void Firefox_offer_rejects_the_data_channel_and_keeps_stereo_opus()
    {
        SdpAnswer answer = Fixtures.Answer(Fixtures.FirefoxWithDataChannel);
        NegotiatedSession session = answer.Session;

        Assert.Contains("a=group:BUNDLE 0 1\r\n", answer.Sdp, StringComparison.Ordinal);
        Assert.Equal(["m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:2"], Section(answer.Sdp, 2));
        NegotiatedMedia data = session.Media[2];
        Assert.False(data.Accepted);
        Assert.Contains("data channels", data.RejectionReason, StringComparison.Ordinal);

        Assert.Equal(109, session.Media[0].Codec!.PayloadType);
        Assert.Equal("minptime=10;useinbandfec=1;stereo=1", session.Media[0].Codec!.LocalParameters);
        Assert.Contains("a=fmtp:109 minptime=10;useinbandfec=1;stereo=1", Section(answer.Sdp, 0));
        Assert.Equal([(1, RtpExtensionUris.SsrcAudioLevel), (3, RtpExtensionUris.Mid)], session.Media[0].Extensions.Select(extension => (extension.Id, extension.Uri)));

        NegotiatedMedia video = session.Media[1];
        Assert.Equal(120, video.Codec!.PayloadType);
        Assert.Equal("max-fs=12288;max-fr=60", video.Codec.RemoteParameters);
        Assert.Equal(124, video.RtxPayloadType);
        Assert.Equal([(3, RtpExtensionUris.Mid), (4, RtpExtensionUris.AbsSendTime)], video.Extensions.Select(extension => (extension.Id, extension.Uri)));
        Assert.Equal(new RemoteSource(2716390881, 1403826577, "{0f7c2a94-1d63-4e8b-b5a0-6c9e3d72f81b}", "{5b0d6a7e-2f41-4c3a-9e18-7d2c0b5f4e61}", "{74c1e0b9-3a2d-4f56-8e9b-c0d17a6f2e58}"), Assert.Single(video.RemoteSources));

        // Session-level fingerprint; RTCP (component 2) candidates dropped.
        Assert.Equal("8a1f3c2e", session.RemoteIceUfrag);
        Assert.Equal(DtlsFingerprint.Sha256, session.RemoteFingerprint.Algorithm);
        Assert.Equal([1, 1], session.RemoteCandidates.Select(candidate => candidate.Component));
        Assert.True(session.RemoteEndOfCandidates);
    }

    [Fact]
    public void Recvonly_whep_offer_is_answered_sendonly_with_our_streams()
    {
        SdpAnswer answer = Fixtures.Answer(Fixtures.WhepRecvOnly);

        foreach (NegotiatedMedia media in answer.Session.Media)
        {
            Assert.Equal(MediaDirection.SendOnly, media.Direction);
            Assert.True(media.Sending);
            Assert.False(media.Receiving);
            Assert.Empty(media.RemoteSources);
        }

        Assert.Contains("a=sendonly", Section(answer.Sdp, 0));
        Assert.Contains("a=ssrc:286331153 msid:mix mix-audio", Section(answer.Sdp, 0));
        Assert.Contains("a=msid:mix mix-video", Section(answer.Sdp, 1));
        Assert.Contains("a=ssrc:858993459 cname:mcu", Section(answer.Sdp, 1));
    }

    [Fact]
    public void Recvonly_offer_without_local_tracks_is_answered_inactive()
    {
        SdpAnswer answer = Fixtures.Answer(Fixtures.WhepRecvOnly, withTracks: false);

        Assert.All(answer.Session.Media, media => Assert.Equal(MediaDirection.Inactive, media.Direction));
        Assert.All(answer.Session.Media, media => Assert.True(media.Accepted));
        Assert.DoesNotContain("a=msid:", answer.Sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void Gstreamer_whip_offer_is_answered_recvonly_and_the_reused_extension_id_is_dropped()
    {
        SdpAnswer answer = Fixtures.Answer(Fixtures.WhipGStreamer);
        NegotiatedSession session = answer.Session;

        Assert.Contains("a=group:BUNDLE video0 audio1\r\n", answer.Sdp, StringComparison.Ordinal);
        Assert.Equal("video0", session.BundleTag);
        Assert.All(session.Media, media => Assert.Equal(MediaDirection.RecvOnly, media.Direction));

        // GStreamer numbers each section from 1: id 1 is abs-send-time in video and audio level in audio.
        NegotiatedMedia video = session.Media[0];
        NegotiatedMedia audio = session.Media[1];
        Assert.Equal([(1, RtpExtensionUris.AbsSendTime), (3, RtpExtensionUris.Mid)], video.Extensions.Select(extension => (extension.Id, extension.Uri)));
        Assert.Equal([(3, RtpExtensionUris.Mid)], audio.Extensions.Select(extension => (extension.Id, extension.Uri)));
        Assert.Equal(RtpExtensionUris.SsrcAudioLevel, Assert.Single(audio.DroppedExtensions).Uri);
        string warning = Assert.Single(session.Warnings);
        Assert.Contains("mid audio1", warning, StringComparison.Ordinal);
        Assert.Contains("id 1 already means " + RtpExtensionUris.AbsSendTime, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level", answer.Sdp, StringComparison.Ordinal);

        Assert.Equal("OPUS", audio.Codec!.Name);
        Assert.Equal(97, video.RtxPayloadType);
        Assert.Equal(new RemoteSource(2336124512, 3158430135, "user2174823950@host-6a3e1f72", "user2174823950@host-6a3e1f72", "webrtctransceiver0"), Assert.Single(video.RemoteSources));
        Assert.Equal(4, session.RemoteCandidates.Count);
        Assert.True(session.RemoteEndOfCandidates);

        // The bundle-only audio section is accepted on the shared port; only the tag carries candidates.
        Assert.StartsWith("m=audio 40000 ", Section(answer.Sdp, 1)[0], StringComparison.Ordinal);
        Assert.Contains("a=end-of-candidates", Section(answer.Sdp, 0));
        Assert.DoesNotContain("a=end-of-candidates", Section(answer.Sdp, 1));
    }

    [Fact]
    public void Answer_ids_are_distinct_across_the_bundle_when_the_offer_reuses_one()
    {
        string offer = Fixtures.MinimalOffer().Replace(
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:1 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\na=extmap:5 urn:ietf:params:rtp-hdrext:sdes:mid",
            StringComparison.Ordinal);

        SdpAnswer answer = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer);

        string[] extmaps = [.. Fixtures.Lines(answer.Sdp).Where(line => line.StartsWith("a=extmap:", StringComparison.Ordinal))];
        Assert.Equal(["a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level", "a=extmap:5 urn:ietf:params:rtp-hdrext:sdes:mid"], extmaps);
        Assert.Single(answer.Session.Warnings);
    }

    [Fact]
    public void Obs_offer_with_h264_video_rejects_video_and_keeps_audio()
    {
        SdpAnswer answer = Fixtures.Answer(Fixtures.WhipObsH264);
        NegotiatedSession session = answer.Session;

        NegotiatedMedia video = session.Media[1];
        Assert.False(video.Accepted);
        Assert.Contains("no VP8 codec was offered (offered: H264)", video.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(["m=video 0 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=mid:1"], Section(answer.Sdp, 1));
        Assert.Contains("a=group:BUNDLE 0\r\n", answer.Sdp, StringComparison.Ordinal);

        NegotiatedMedia audio = session.Media[0];
        Assert.Equal(MediaDirection.RecvOnly, audio.Direction);
        Assert.Equal("minptime=10;useinbandfec=1;stereo=1", audio.Codec!.LocalParameters);
        Assert.Equal("Pf3n", session.RemoteIceUfrag);
        Assert.Equal(2, session.RemoteCandidates.Count);
    }

    [Fact]
    public void Simulcast_offer_is_answered_without_simulcast_and_the_first_rid_is_selected()
    {
        SdpAnswer answer = Fixtures.Answer(Fixtures.ChromiumSimulcast);
        NegotiatedMedia video = answer.Session.Media[1];

        Assert.Equal(["f", "h", "q"], video.RemoteRids);
        Assert.Equal("f", video.SelectedRid);
        Assert.Equal(MediaDirection.RecvOnly, video.Direction);
        Assert.DoesNotContain("a=simulcast", answer.Sdp, StringComparison.Ordinal);
        Assert.DoesNotContain("a=rid", answer.Sdp, StringComparison.Ordinal);
        Assert.DoesNotContain(RtpExtensionUris.RtpStreamId, answer.Sdp, StringComparison.Ordinal);
        Assert.Equal("minptime=10;useinbandfec=1;stereo=1", answer.Session.Media[0].Codec!.LocalParameters);
    }

    [Theory]
    [InlineData(Fixtures.ChromiumSendRecv)]
    [InlineData(Fixtures.FirefoxWithDataChannel)]
    [InlineData(Fixtures.WhepRecvOnly)]
    [InlineData(Fixtures.WhipGStreamer)]
    [InlineData(Fixtures.WhipObsH264)]
    [InlineData(Fixtures.ChromiumSimulcast)]
    public void Answers_reparse_cleanly_and_keep_the_offer_shape(string name)
    {
        SessionDescription offer = SessionDescription.Parse(Fixtures.Offer(name));
        SdpAnswer answer = Fixtures.Answer(name);

        SessionDescription reparsed = SessionDescription.Parse(answer.Sdp);

        Assert.Equal(answer.Sdp, reparsed.ToString());
        Assert.True(reparsed.IceLite);
        Assert.Equal(offer.Media.Count, reparsed.Media.Count);
        for (int i = 0; i < offer.Media.Count; i++)
        {
            Assert.Equal(offer.Media[i].MediaType, reparsed.Media[i].MediaType);
            Assert.Equal(offer.Media[i].Mid, reparsed.Media[i].Mid);
            Assert.Equal(answer.Session.Media[i].Accepted, reparsed.Media[i].Port != 0);
            Assert.All(reparsed.Media[i].Formats, format => Assert.Contains(format, offer.Media[i].Formats));
        }

        Assert.Equal(answer.Session.Media.Where(media => media.Accepted).Select(media => media.Mid!), reparsed.BundleGroup!.Mids);
    }

    [Fact]
    public void Passive_offer_makes_us_the_dtls_client()
    {
        string offer = Fixtures.MinimalOffer().Replace("a=setup:actpass", "a=setup:passive", StringComparison.Ordinal);

        SdpAnswer answer = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer);

        Assert.Equal(DtlsRole.Client, answer.Session.LocalDtlsRole);
        Assert.Contains("a=setup:active", answer.Sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void Active_offer_keeps_us_the_dtls_server()
    {
        string offer = Fixtures.MinimalOffer().Replace("a=setup:actpass", "a=setup:active", StringComparison.Ordinal);

        Assert.Equal(DtlsRole.Server, new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer).Session.LocalDtlsRole);
    }

    [Theory]
    [InlineData("a=fingerprint:", "a=x-removed:", "the offer has no a=fingerprint")]
    [InlineData("a=ice-ufrag:abcd", "a=x-removed", "the offer has no a=ice-ufrag")]
    [InlineData("a=setup:actpass", "a=setup:holdconn", "a=setup:holdconn")]
    public void Offers_missing_transport_parameters_are_refused(string find, string replace, string expected)
    {
        string offer = Fixtures.MinimalOffer().Replace(find, replace, StringComparison.Ordinal);

        SdpException error = Assert.Throws<SdpException>(() => new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sha1_only_fingerprint_is_refused()
    {
        string offer = Fixtures.Sdp([.. Fixtures.Lines(Fixtures.MinimalOffer())
            .Select(line => line.StartsWith("a=fingerprint:", StringComparison.Ordinal)
                ? "a=fingerprint:sha-1 " + string.Join(':', Enumerable.Repeat("AB", 20))
                : line)]);

        SdpException error = Assert.Throws<SdpException>(() => new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer));

        Assert.Contains("uses sha-1; the MCU requires sha-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_without_rtcp_mux_is_refused_with_the_reason()
    {
        string offer = Fixtures.MinimalOffer().Replace("a=rtcp-mux\r\n", string.Empty, StringComparison.Ordinal);

        SdpException error = Assert.Throws<SdpException>(() => new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer));

        Assert.Contains("no m= section of the offer can be accepted", error.Message, StringComparison.Ordinal);
        Assert.Contains("m= section 0 (audio, mid 0): a=rtcp-mux is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("m= section 1 (video, mid 1): a=rtcp-mux is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_without_rtcp_mux_is_rejected_while_others_continue()
    {
        string minimal = Fixtures.MinimalOffer();
        int audioMux = minimal.IndexOf("a=rtcp-mux\r\n", StringComparison.Ordinal);
        string offer = minimal.Remove(audioMux, "a=rtcp-mux\r\n".Length);

        NegotiatedSession session = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer).Session;

        Assert.Contains("rtcp-mux", session.Media[0].RejectionReason, StringComparison.Ordinal);
        Assert.True(session.Media[1].Accepted);
        Assert.Equal("1", session.BundleTag);
    }

    [Fact]
    public void Plain_rtp_without_dtls_srtp_is_rejected()
    {
        string offer = Fixtures.MinimalOffer().Replace("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 RTP/AVP", StringComparison.Ordinal);

        NegotiatedSession session = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer).Session;

        Assert.Contains("transport 'RTP/AVP' is not supported", session.Media[0].RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_without_media_is_refused()
    {
        string offer = Fixtures.Sdp("v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0");

        Assert.Contains("no m= sections", Assert.Throws<SdpException>(() => new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_without_bundle_gets_only_its_first_usable_section_and_no_group()
    {
        string offer = Fixtures.MinimalOffer().Replace("a=group:BUNDLE 0 1\r\n", string.Empty, StringComparison.Ordinal);

        SdpAnswer answer = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer);

        Assert.True(answer.Session.Media[0].Accepted);
        Assert.Contains("no BUNDLE group", answer.Session.Media[1].RejectionReason, StringComparison.Ordinal);
        Assert.DoesNotContain("a=group", answer.Sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_outside_the_bundle_group_is_rejected()
    {
        string offer = Fixtures.MinimalOffer().Replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0", StringComparison.Ordinal);

        NegotiatedSession session = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer).Session;

        Assert.Contains("not in the offer's BUNDLE group", session.Media[1].RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_kind_is_rejected_by_policy()
    {
        var options = new SdpAnswerOptions { Transport = Fixtures.McuTransport(), Video = MediaPolicy.Disabled };

        NegotiatedSession session = new SdpAnswerer(options).CreateAnswer(Fixtures.Offer(Fixtures.ChromiumSendRecv)).Session;

        Assert.True(session.Media[0].Accepted);
        Assert.Contains("video is disabled", session.Media[1].RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_only_policy_never_sends_even_with_tracks()
    {
        var options = new SdpAnswerOptions
        {
            Transport = Fixtures.McuTransport(),
            Audio = MediaPolicy.ReceiveOnly,
            AudioTracks = [Fixtures.AudioTrack],
        };

        NegotiatedMedia audio = new SdpAnswerer(options).CreateAnswer(Fixtures.Offer(Fixtures.ChromiumSendRecv)).Session.Media[0];

        Assert.Equal(MediaDirection.RecvOnly, audio.Direction);
        Assert.Null(audio.LocalTrack);
    }

    [Fact]
    public void Several_audio_sections_are_each_negotiated_and_tracks_are_handed_out_in_order()
    {
        string offer = Fixtures.MinimalOffer()
            .Replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2", StringComparison.Ordinal)
            + string.Join("\r\n", Fixtures.Lines(Fixtures.MinimalOffer())[5..16]).Replace("a=mid:0", "a=mid:2", StringComparison.Ordinal) + "\r\n";

        NegotiatedSession session = new SdpAnswerer(Fixtures.AnswerOptions()).CreateAnswer(offer).Session;

        Assert.Equal([MediaKind.Audio, MediaKind.Video, MediaKind.Audio], session.Media.Select(media => media.Kind));
        Assert.Equal(MediaDirection.SendRecv, session.Media[0].Direction);
        Assert.Equal(MediaDirection.RecvOnly, session.Media[2].Direction);
        Assert.Equal(111, session.Media[2].Codec!.PayloadType);
        Assert.Equal(1, session.Media[2].FindExtensionId(RtpExtensionUris.SsrcAudioLevel));
    }

    [Fact]
    public void Answer_port_falls_back_to_the_jsep_placeholder_without_candidates()
    {
        var noCandidates = new SdpAnswerOptions
        {
            Transport = new LocalTransport { IceUfrag = "mcuU", IcePwd = "mcuPasswordForTests0123", Fingerprint = Fixtures.McuFingerprint },
        };

        string sdp = new SdpAnswerer(noCandidates).CreateAnswer(Fixtures.MinimalOffer()).Sdp;

        Assert.Contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n", sdp, StringComparison.Ordinal);
        Assert.DoesNotContain("a=candidate", sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipv6_candidate_gives_an_ip6_connection_line()
    {
        var options = new SdpAnswerOptions { Transport = Fixtures.McuTransport(IceCandidate.Host("1", "2001:db8::5", 41000)) };

        string sdp = new SdpAnswerer(options).CreateAnswer(Fixtures.MinimalOffer()).Sdp;

        Assert.Contains("m=audio 41000 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP6 2001:db8::5\r\n", sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_local_options_are_rejected_up_front()
    {
        var badPwd = new SdpAnswerOptions
        {
            Transport = new LocalTransport { IceUfrag = "mcuU", IcePwd = "short", Fingerprint = Fixtures.McuFingerprint },
        };
        var badTrack = new SdpAnswerOptions
        {
            Transport = Fixtures.McuTransport(),
            AudioTracks = [new LocalTrack(1, "cname with space", "s", "t")],
        };

        Assert.Throws<ArgumentException>(() => new SdpAnswerer(badPwd));
        Assert.Throws<ArgumentException>(() => new SdpAnswerer(badTrack));
    }
}
