namespace Mcu.Sdp;

/// <summary>Fills the parts of an m= section that describe this side, shared by the answerer and the offerer.</summary>
internal static class LocalSectionWriter
{
    /// <summary>Creates an accepted section whose m=/c= address is our first candidate (the default candidate of
    /// RFC 8839), or the JSEP placeholder "9 / 0.0.0.0" when there is none.</summary>
    public static MediaDescription Create(string mediaType, string protocol, LocalTransport transport, DtlsSetup setup, string? mid)
    {
        IceCandidate? first = transport.Candidates.Count > 0 ? transport.Candidates[0] : null;
        SdpConnection connection = first is null ? SdpConnection.Unspecified : SdpConnection.ForAddress(first.Address);
        var media = new MediaDescription
        {
            MediaType = mediaType,
            Port = first is not null && connection != SdpConnection.Unspecified ? first.Port : 9,
            Protocol = protocol,
            Connection = connection,
            IceUfrag = transport.IceUfrag,
            IcePwd = transport.IcePwd,
            Setup = setup,
            Mid = mid,
            RtcpMux = true,
        };
        media.Fingerprints.Add(transport.Fingerprint);
        return media;
    }

    /// <summary>Adds our candidates and a=end-of-candidates: the MCU gathers nothing later, so nothing trickles.</summary>
    public static void AddCandidates(MediaDescription media, LocalTransport transport)
    {
        media.Candidates.AddRange(transport.Candidates);
        media.EndOfCandidates = true;
    }

    public static void AddCodec(MediaDescription media, SdpRtpMap map, string? parameters, RtcpFeedbackKinds feedback)
    {
        media.Formats.Add(map.PayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture));
        media.RtpMaps.Add(map);
        RtcpFeedbacks.AddLines(media, map.PayloadType, feedback);
        if (parameters is not null)
        {
            media.Fmtps.Add(new SdpFmtp(map.PayloadType, parameters));
        }
    }

    public static void AddRtx(MediaDescription media, int rtxPayloadType, int associatedPayloadType) =>
        AddCodec(
            media,
            new SdpRtpMap(rtxPayloadType, CodecSelection.Rtx, CodecSelection.VideoClockRate),
            "apt=" + associatedPayloadType.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RtcpFeedbackKinds.None);

    /// <summary>Announces a stream we send: a=msid (RFC 8830) and, for stacks that still read them, a=ssrc cname/msid
    /// lines with an FID group pairing the RTX SSRC.</summary>
    public static void AddTrack(MediaDescription media, LocalTrack track, bool withRtx)
    {
        var msid = new SdpMsid(track.StreamId, track.TrackId);
        media.Msids.Add(msid);
        uint? rtx = withRtx ? track.RtxSsrc : null;
        if (rtx is { } rtxSsrc)
        {
            media.SsrcGroups.Add(new SdpSsrcGroup(SdpSsrcGroup.Fid, [track.Ssrc, rtxSsrc]));
        }

        AddSsrc(media, track.Ssrc, track.Cname, msid);
        if (rtx is { } repair)
        {
            AddSsrc(media, repair, track.Cname, msid);
        }
    }

    private static void AddSsrc(MediaDescription media, uint ssrc, string cname, SdpMsid msid)
    {
        media.Ssrcs.Add(new SdpSsrcLine(ssrc, "cname", cname));
        media.Ssrcs.Add(new SdpSsrcLine(ssrc, "msid", msid.ToString()));
    }

    /// <summary>A rejected section (RFC 3264 §6): port 0, the first offered format, and the mid kept.</summary>
    public static MediaDescription Rejected(MediaDescription offered)
    {
        var media = new MediaDescription
        {
            MediaType = offered.MediaType,
            Port = 0,
            Protocol = offered.Protocol,
            Connection = SdpConnection.Unspecified,
            Mid = offered.Mid,
        };
        media.Formats.Add(offered.Formats.Count > 0 ? offered.Formats[0] : "0");
        return media;
    }
}
