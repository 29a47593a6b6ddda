using System.Globalization;
using System.Text;

namespace Mcu.Sdp;

/// <summary>Writes a <see cref="SessionDescription"/> as SDP text with CRLF line endings, lines in RFC 8866 §5
/// order and attributes in the order browsers write them; unknown attributes follow the known ones.</summary>
public static class SdpSerializer
{
    /// <summary>The SDP text.</summary>
    public static string Serialize(SessionDescription session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder(2048);
        Line(text, 'v', session.Version.ToString(CultureInfo.InvariantCulture));
        Line(text, 'o', session.Origin.ToString());
        Line(text, 's', session.SessionName);
        Optional(text, 'i', session.Information);
        Extra(text, session.ExtraLines, "uep");
        Optional(text, 'c', session.Connection?.ToString());
        foreach (SdpBandwidth bandwidth in session.Bandwidths)
        {
            Line(text, 'b', bandwidth.ToString());
        }

        Line(text, 't', session.Timing.ToString());
        Extra(text, session.ExtraLines, "tr");
        Extra(text, session.ExtraLines, "z");
        Extra(text, session.ExtraLines, "k");
        WriteSessionAttributes(text, session);
        foreach (MediaDescription media in session.Media)
        {
            WriteMedia(text, media);
        }

        return text.ToString();
    }

    private static void WriteSessionAttributes(StringBuilder text, SessionDescription session)
    {
        Flag(text, "ice-lite", session.IceLite);
        foreach (SdpGroup group in session.Groups)
        {
            Attribute(text, "group", group.ToString());
        }

        Flag(text, "extmap-allow-mixed", session.ExtmapAllowMixed);
        if (session.MsidSemantic is { } semantic)
        {
            Attribute(text, "msid-semantic", semantic.ToString());
        }

        WriteTransport(text, session.IceUfrag, session.IcePwd, session.IceOptions, session.Fingerprints, session.Setup);
        if (session.Direction is { } direction)
        {
            Attribute(text, direction.ToSdpName(), null);
        }

        Unknown(text, session.Attributes);
    }

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        string port = media.PortCount is { } count
            ? string.Create(CultureInfo.InvariantCulture, $"{media.Port}/{count}")
            : media.Port.ToString(CultureInfo.InvariantCulture);
        Line(text, 'm', $"{media.MediaType} {port} {media.Protocol} {string.Join(' ', media.Formats)}");
        Optional(text, 'i', media.Information);
        Optional(text, 'c', media.Connection?.ToString());
        foreach (SdpBandwidth bandwidth in media.Bandwidths)
        {
            Line(text, 'b', bandwidth.ToString());
        }

        Extra(text, media.ExtraLines, "k");
        WriteTransport(text, media.IceUfrag, media.IcePwd, media.IceOptions, media.Fingerprints, media.Setup);
        Optional(text, 'a', media.Mid is null ? null : "mid:" + media.Mid);
        Flag(text, "bundle-only", media.BundleOnly);
        Flag(text, "extmap-allow-mixed", media.ExtmapAllowMixed);
        foreach (SdpExtmap extmap in media.Extmaps)
        {
            Attribute(text, "extmap", extmap.ToString());
        }

        if (media.Direction is { } direction)
        {
            Attribute(text, direction.ToSdpName(), null);
        }

        foreach (SdpMsid msid in media.Msids)
        {
            Attribute(text, "msid", msid.ToString());
        }

        Flag(text, "rtcp-mux", media.RtcpMux);
        Flag(text, "rtcp-mux-only", media.RtcpMuxOnly);
        Flag(text, "rtcp-rsize", media.RtcpRsize);
        WriteCodecs(text, media);
        foreach (SdpSsrcGroup group in media.SsrcGroups)
        {
            Attribute(text, "ssrc-group", group.ToString());
        }

        foreach (SdpSsrcLine ssrc in media.Ssrcs)
        {
            Attribute(text, "ssrc", ssrc.ToString());
        }

        foreach (SdpRid rid in media.Rids)
        {
            Attribute(text, "rid", rid.ToString());
        }

        if (media.Simulcast is { } simulcast)
        {
            Attribute(text, "simulcast", simulcast.ToString());
        }

        if (media.SctpPort is { } sctpPort)
        {
            Attribute(text, "sctp-port", sctpPort.ToString(CultureInfo.InvariantCulture));
        }

        if (media.MaxMessageSize is { } maxMessageSize)
        {
            Attribute(text, "max-message-size", maxMessageSize.ToString(CultureInfo.InvariantCulture));
        }

        foreach (IceCandidate candidate in media.Candidates)
        {
            Line(text, 'a', candidate.ToString());
        }

        Flag(text, "end-of-candidates", media.EndOfCandidates);
        Unknown(text, media.Attributes);
    }

    /// <summary>Each a=rtpmap followed by its a=rtcp-fb and a=fmtp lines, as Chromium and Firefox group them;
    /// then the lines whose payload type has no a=rtpmap (static types, "*" feedback).</summary>
    private static void WriteCodecs(StringBuilder text, MediaDescription media)
    {
        foreach (SdpRtpMap map in media.RtpMaps)
        {
            Attribute(text, "rtpmap", map.ToString());
            foreach (SdpRtcpFeedback feedback in media.RtcpFeedbacks)
            {
                if (feedback.PayloadType == map.PayloadType)
                {
                    Attribute(text, "rtcp-fb", feedback.ToString());
                }
            }

            if (media.FindFmtp(map.PayloadType) is { } fmtp)
            {
                Attribute(text, "fmtp", fmtp.ToString());
            }
        }

        foreach (SdpRtcpFeedback feedback in media.RtcpFeedbacks)
        {
            if (feedback.PayloadType is not { } payloadType || media.FindRtpMap(payloadType) is null)
            {
                Attribute(text, "rtcp-fb", feedback.ToString());
            }
        }

        foreach (SdpFmtp fmtp in media.Fmtps)
        {
            if (media.FindRtpMap(fmtp.PayloadType) is null)
            {
                Attribute(text, "fmtp", fmtp.ToString());
            }
        }
    }

    private static void WriteTransport(
        StringBuilder text, string? ufrag, string? pwd, List<string> options, List<DtlsFingerprint> fingerprints, DtlsSetup? setup)
    {
        Optional(text, 'a', ufrag is null ? null : "ice-ufrag:" + ufrag);
        Optional(text, 'a', pwd is null ? null : "ice-pwd:" + pwd);
        if (options.Count > 0)
        {
            Attribute(text, "ice-options", string.Join(' ', options));
        }

        foreach (DtlsFingerprint fingerprint in fingerprints)
        {
            Attribute(text, "fingerprint", fingerprint.ToString());
        }

        if (setup is { } role)
        {
            Attribute(text, "setup", role.ToSdpName());
        }
    }

    private static void Unknown(StringBuilder text, List<SdpAttributeLine> attributes)
    {
        foreach (SdpAttributeLine attribute in attributes)
        {
            Line(text, 'a', attribute.ToString());
        }
    }

    private static void Extra(StringBuilder text, List<SdpLine> lines, string types)
    {
        foreach (SdpLine line in lines)
        {
            if (types.Contains(line.Type, StringComparison.Ordinal))
            {
                Line(text, line.Type, line.Value);
            }
        }
    }

    private static void Flag(StringBuilder text, string name, bool present)
    {
        if (present)
        {
            Line(text, 'a', name);
        }
    }

    private static void Attribute(StringBuilder text, string name, string? value) =>
        Line(text, 'a', value is null ? name : $"{name}:{value}");

    private static void Optional(StringBuilder text, char type, string? value)
    {
        if (value is not null)
        {
            Line(text, type, value);
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
