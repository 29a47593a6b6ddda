namespace Mcu.Sdp.Tests;

public class SdpParserTests
{
    [Fact]
    public void Chromium_offer_parses_session_and_media_fields()
    {
        SessionDescription offer = SessionDescription.Parse(Fixtures.Offer(Fixtures.ChromiumSendRecv));

        Assert.Equal(7306417325632839571UL, offer.Origin.SessionId);
        Assert.Equal("-", offer.SessionName);
        Assert.Equal(["0", "1"], offer.BundleGroup!.Mids);
        Assert.True(offer.ExtmapAllowMixed);
        Assert.Equal("WMS", offer.MsidSemantic!.Semantic);
        Assert.Equal(2, offer.Media.Count);

        MediaDescription audio = offer.Media[0];
        Assert.Equal(MediaKind.Audio, audio.Kind);
        Assert.Equal(53214, audio.Port);
        Assert.Equal("UDP/TLS/RTP/SAVPF", audio.Protocol);
        Assert.Equal(["111", "63", "9", "0", "8", "13", "110", "126"], audio.Formats);
        Assert.Equal("Ub4x", audio.IceUfrag);
        Assert.Equal(DtlsSetup.ActPass, audio.Setup);
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
        Assert.True(audio.RtcpMux);
        Assert.True(audio.RtcpRsize);
        Assert.Equal(new SdpRtpMap(111, "opus", 48000, 2), audio.RtpMaps[0]);
        Assert.Equal("minptime=10;useinbandfec=1", audio.FindFmtp(111)!.Parameters);
        Assert.Equal(3, audio.Candidates.Count);
        Assert.Equal("tcp", audio.Candidates[2].Transport);
        Assert.Equal("active", audio.Candidates[2].GetExtension("tcptype"));
        Assert.Contains(new SdpAttributeLine("rtcp", "9 IN IP4 0.0.0.0"), audio.Attributes);

        MediaDescription video = offer.Media[1];
        Assert.Equal(25, video.Formats.Count);
        Assert.Equal(13, video.Extmaps.Count);
        Assert.Contains(new SdpExtmap(14, "urn:ietf:params:rtp-hdrext:toffset"), video.Extmaps);
        Assert.Contains(new SdpRtcpFeedback(96, "nack", "pli"), video.RtcpFeedbacks);
        Assert.Equal(SdpSsrcGroup.Fid, video.SsrcGroups[0].Semantics);
        Assert.Equal([1649733018u, 3520816475u], video.SsrcGroups[0].Ssrcs);
        Assert.Equal("kq3R7w9sPZ1aXe5b", video.FindSsrcAttribute(1649733018, "cname"));
        Assert.Equal(new SdpMsid("4f3b0e4a-63b1-4d38-8d0f-2a6c7e5d9b11", "c1f0a7d2-3e58-4b96-9d1c-08e2f5a4b637"), video.Msids[0]);
    }

    [Fact]
    public void Firefox_offer_parses_session_level_fingerprint_extmap_directions_and_data_channel()
    {
        SessionDescription offer = SessionDescription.Parse(Fixtures.Offer(Fixtures.FirefoxWithDataChannel));

        Assert.Equal("mozilla...THIS_IS_SDPARTA-128.0", offer.Origin.Username);
        Assert.Equal(DtlsFingerprint.Sha256, Assert.Single(offer.Fingerprints).Algorithm);
        Assert.Equal(["trickle"], offer.IceOptions);
        Assert.True(offer.ExtmapAllowMixed);
        Assert.Equal(new SdpExtmap(2, "urn:ietf:params:rtp-hdrext:csrc-audio-level", MediaDirection.RecvOnly), offer.Media[0].Extmaps[1]);
        Assert.Equal(2, offer.Media[0].Candidates[2].Component);
        Assert.True(offer.Media[0].EndOfCandidates);

        MediaDescription data = offer.Media[2];
        Assert.Equal(MediaKind.Application, data.Kind);
        Assert.False(data.IsRtp);
        Assert.Equal(["webrtc-datachannel"], data.Formats);
        Assert.Equal(5000, data.SctpPort);
        Assert.Equal(1073741823UL, data.MaxMessageSize);
    }

    [Fact]
    public void Simulcast_offer_parses_rids_and_simulcast_list()
    {
        MediaDescription video = SessionDescription.Parse(Fixtures.Offer(Fixtures.ChromiumSimulcast)).Media[1];

        Assert.Equal([new SdpRid("f", RidDirection.Send), new SdpRid("h", RidDirection.Send), new SdpRid("q", RidDirection.Send)], video.Rids);
        SdpSimulcast simulcast = video.Simulcast!;
        Assert.Empty(simulcast.Recv);
        Assert.Equal(["f", "h", "q"], simulcast.Send.Select(stream => Assert.Single(stream).Id));
    }

    [Fact]
    public void Gstreamer_offer_parses_bundle_only_section_with_port_zero()
    {
        SessionDescription offer = SessionDescription.Parse(Fixtures.Offer(Fixtures.WhipGStreamer));

        MediaDescription audio = offer.Media[1];
        Assert.Equal(0, audio.Port);
        Assert.True(audio.BundleOnly);
        Assert.False(audio.IsDisabled);
        Assert.Equal("OPUS", audio.RtpMaps[0].EncodingName);
        Assert.True(audio.RtpMaps[0].Is("opus"));
    }

    [Fact]
    public void Libdatachannel_comma_separated_ice_options_and_session_level_transport_are_read()
    {
        SessionDescription offer = SessionDescription.Parse(Fixtures.Offer(Fixtures.WhipObsH264));

        Assert.Equal(["ice2", "trickle"], offer.IceOptions);
        Assert.Equal("Pf3n", offer.IceUfrag);
        Assert.Equal(DtlsSetup.ActPass, offer.Setup);
        Assert.Equal(2, offer.Groups.Count);
        Assert.Equal("LS", offer.Groups[1].Semantics);
    }

    [Fact]
    public void Lf_line_endings_trailing_whitespace_and_blank_lines_are_accepted()
    {
        string crlf = Fixtures.Offer(Fixtures.ChromiumSendRecv);
        string sloppy = crlf.Replace("\r\n", " \t\n", StringComparison.Ordinal) + "\n\n";

        SessionDescription strict = SessionDescription.Parse(crlf);
        SessionDescription lenient = SessionDescription.Parse(sloppy);

        Assert.Equal(strict.ToString(), lenient.ToString());
    }

    [Fact]
    public void Utf8_body_with_non_ascii_session_name_parses()
    {
        byte[] body = System.Text.Encoding.UTF8.GetBytes(Fixtures.MinimalOffer().Replace("s=-", "s=Sitzung Ü", StringComparison.Ordinal));

        SessionDescription offer = new SdpParser().Parse(body);

        Assert.Equal("Sitzung Ü", offer.SessionName);
    }

    [Fact]
    public void Unknown_attributes_at_both_levels_are_kept_in_order()
    {
        string sdp = Fixtures.MinimalOffer()
            .Replace("t=0 0\r\n", "t=0 0\r\na=x-session-flag\r\na=x-session:one two\r\n", StringComparison.Ordinal)
            .Replace("a=mid:1\r\n", "a=mid:1\r\na=framerate:30\r\na=x-custom\r\n", StringComparison.Ordinal);

        SessionDescription offer = SessionDescription.Parse(sdp);

        Assert.Equal([new SdpAttributeLine("x-session-flag", null), new SdpAttributeLine("x-session", "one two")], offer.Attributes);
        Assert.Equal([new SdpAttributeLine("framerate", "30"), new SdpAttributeLine("x-custom", null)], offer.Media[1].Attributes);

        string written = offer.ToString();
        Assert.Contains("a=x-session-flag\r\na=x-session:one two\r\n", written, StringComparison.Ordinal);
        Assert.EndsWith("a=framerate:30\r\na=x-custom\r\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_level_direction_is_kept_separately_from_media_direction()
    {
        string sdp = Fixtures.MinimalOffer()
            .Replace("a=group:BUNDLE 0 1\r\n", "a=group:BUNDLE 0 1\r\na=recvonly\r\n", StringComparison.Ordinal)
            .Replace("a=sendrecv\r\n", string.Empty, StringComparison.Ordinal);

        SessionDescription offer = SessionDescription.Parse(sdp);

        Assert.Equal(MediaDirection.RecvOnly, offer.Direction);
        Assert.Null(offer.Media[0].Direction);
    }

    [Fact]
    public void Rarely_used_lines_are_kept_verbatim()
    {
        string sdp = Fixtures.MinimalOffer()
            .Replace("s=-\r\n", "s=-\r\ni=about\r\nu=http://example.com/\r\ne=ops@example.com\r\nc=IN IP4 192.0.2.1\r\nb=AS:2000\r\n", StringComparison.Ordinal)
            .Replace("t=0 0\r\n", "t=0 0\r\nr=7d 1h 0 25h\r\n", StringComparison.Ordinal)
            .Replace("m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n", "m=video 9 UDP/TLS/RTP/SAVPF 96\r\ni=camera\r\nc=IN IP4 0.0.0.0\r\nb=TIAS:1500000\r\n", StringComparison.Ordinal);

        SessionDescription offer = SessionDescription.Parse(sdp);

        Assert.Equal("about", offer.Information);
        Assert.Equal(new SdpConnection("IN", "IP4", "192.0.2.1"), offer.Connection);
        Assert.Equal(new SdpBandwidth("AS", 2000), Assert.Single(offer.Bandwidths));
        Assert.Equal([new SdpLine('u', "http://example.com/"), new SdpLine('e', "ops@example.com"), new SdpLine('r', "7d 1h 0 25h")], offer.ExtraLines);
        Assert.Equal("camera", offer.Media[1].Information);
        Assert.Equal(new SdpBandwidth("TIAS", 1500000), Assert.Single(offer.Media[1].Bandwidths));
        Assert.Equal(offer.ToString(), SessionDescription.Parse(offer.ToString()).ToString());
    }

    [Fact]
    public void Rtp_attributes_in_a_non_rtp_section_are_kept_raw()
    {
        string sdp = Fixtures.Sdp(
            "v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "a=fmtp:webrtc-datachannel max-message-size=65536");

        MediaDescription data = SessionDescription.Parse(sdp).Media[0];

        Assert.Empty(data.Fmtps);
        Assert.Equal(new SdpAttributeLine("fmtp", "webrtc-datachannel max-message-size=65536"), Assert.Single(data.Attributes));
    }
}
