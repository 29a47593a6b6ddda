namespace Mcu.Sdp;

/// <summary>One m= section with its media-level lines.</summary>
public sealed class MediaDescription
{
    /// <summary>The media type as written on the m= line ("audio", "video", "application"...).</summary>
    public string MediaType { get; set; } = "audio";

    /// <summary>The port; 0 rejects the section unless it is bundle-only (RFC 8843).</summary>
    public int Port { get; set; }

    /// <summary>The optional "/number of ports" of the m= line.</summary>
    public int? PortCount { get; set; }

    /// <summary>The transport protocol, e.g. "UDP/TLS/RTP/SAVPF" or "UDP/DTLS/SCTP".</summary>
    public string Protocol { get; set; } = "UDP/TLS/RTP/SAVPF";

    /// <summary>The formats in preference order: payload types for RTP, "webrtc-datachannel" for SCTP.</summary>
    public List<string> Formats { get; } = [];

    /// <summary>Media-level i=, if any.</summary>
    public string? Information { get; set; }

    /// <summary>Media-level c=, if any.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>Media-level b= lines.</summary>
    public List<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary>Media-level k= lines, kept verbatim.</summary>
    public List<SdpLine> ExtraLines { get; } = [];

    /// <summary>a=mid (RFC 5888).</summary>
    public string? Mid { get; set; }

    /// <summary>The direction attribute, if the section has one.</summary>
    public MediaDirection? Direction { get; set; }

    /// <summary>a=rtpmap lines in order.</summary>
    public List<SdpRtpMap> RtpMaps { get; } = [];

    /// <summary>a=fmtp lines in order.</summary>
    public List<SdpFmtp> Fmtps { get; } = [];

    /// <summary>a=rtcp-fb lines in order.</summary>
    public List<SdpRtcpFeedback> RtcpFeedbacks { get; } = [];

    /// <summary>a=extmap lines in order.</summary>
    public List<SdpExtmap> Extmaps { get; } = [];

    /// <summary>a=ssrc lines in order.</summary>
    public List<SdpSsrcLine> Ssrcs { get; } = [];

    /// <summary>a=ssrc-group lines in order.</summary>
    public List<SdpSsrcGroup> SsrcGroups { get; } = [];

    /// <summary>a=msid lines (RFC 8830 allows several).</summary>
    public List<SdpMsid> Msids { get; } = [];

    /// <summary>a=rid lines (RFC 8851).</summary>
    public List<SdpRid> Rids { get; } = [];

    /// <summary>a=simulcast (RFC 8853).</summary>
    public SdpSimulcast? Simulcast { get; set; }

    /// <summary>a=rtcp-mux (RFC 5761).</summary>
    public bool RtcpMux { get; set; }

    /// <summary>a=rtcp-mux-only (RFC 8858).</summary>
    public bool RtcpMuxOnly { get; set; }

    /// <summary>a=rtcp-rsize (RFC 5506): reduced-size RTCP is allowed.</summary>
    public bool RtcpRsize { get; set; }

    /// <summary>a=bundle-only (RFC 8843): port 0 here does not reject the section.</summary>
    public bool BundleOnly { get; set; }

    /// <summary>a=extmap-allow-mixed at media level.</summary>
    public bool ExtmapAllowMixed { get; set; }

    /// <summary>Media-level a=ice-ufrag.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>Media-level a=ice-pwd.</summary>
    public string? IcePwd { get; set; }

    /// <summary>Media-level a=ice-options tokens.</summary>
    public List<string> IceOptions { get; } = [];

    /// <summary>Media-level a=fingerprint lines.</summary>
    public List<DtlsFingerprint> Fingerprints { get; } = [];

    /// <summary>Media-level a=setup.</summary>
    public DtlsSetup? Setup { get; set; }

    /// <summary>a=candidate lines in order.</summary>
    public List<IceCandidate> Candidates { get; } = [];

    /// <summary>a=end-of-candidates (RFC 8840).</summary>
    public bool EndOfCandidates { get; set; }

    /// <summary>a=sctp-port (RFC 8841).</summary>
    public int? SctpPort { get; set; }

    /// <summary>a=max-message-size (RFC 8841).</summary>
    public ulong? MaxMessageSize { get; set; }

    /// <summary>Media-level attributes without a model, in order.</summary>
    public List<SdpAttributeLine> Attributes { get; } = [];

    /// <summary>The media type as an enum.</summary>
    public MediaKind Kind => MediaType switch
    {
        "audio" => MediaKind.Audio,
        "video" => MediaKind.Video,
        "application" => MediaKind.Application,
        _ => MediaKind.Other,
    };

    /// <summary>True when the protocol carries RTP, so formats are payload types.</summary>
    public bool IsRtp => IsRtpProtocol(Protocol);

    /// <summary>Port 0 without bundle-only: the section is disabled (RFC 3264 §6, RFC 8843).</summary>
    public bool IsDisabled => Port == 0 && !BundleOnly;

    /// <summary>The a=rtpmap for a payload type, if any.</summary>
    public SdpRtpMap? FindRtpMap(int payloadType)
    {
        foreach (SdpRtpMap map in RtpMaps)
        {
            if (map.PayloadType == payloadType)
            {
                return map;
            }
        }

        return null;
    }

    /// <summary>The a=fmtp for a payload type, if any.</summary>
    public SdpFmtp? FindFmtp(int payloadType)
    {
        foreach (SdpFmtp fmtp in Fmtps)
        {
            if (fmtp.PayloadType == payloadType)
            {
                return fmtp;
            }
        }

        return null;
    }

    /// <summary>The value of the first a=ssrc line for this SSRC and attribute (e.g. "cname"), if any.</summary>
    public string? FindSsrcAttribute(uint ssrc, string attribute)
    {
        foreach (SdpSsrcLine line in Ssrcs)
        {
            if (line.Ssrc == ssrc && string.Equals(line.Attribute, attribute, StringComparison.Ordinal))
            {
                return line.Value;
            }
        }

        return null;
    }

    internal static bool IsRtpProtocol(string protocol)
    {
        foreach (string part in protocol.Split('/'))
        {
            if (part == "RTP")
            {
                return true;
            }
        }

        return false;
    }
}
