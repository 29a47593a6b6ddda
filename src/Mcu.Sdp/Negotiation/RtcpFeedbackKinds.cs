namespace Mcu.Sdp;

/// <summary>The RTCP feedback messages the MCU can negotiate (RFC 4585 §4.2, RFC 5104 and the Google extensions).</summary>
[Flags]
public enum RtcpFeedbackKinds
{
    /// <summary>No feedback.</summary>
    None = 0,

    /// <summary>"nack": generic NACK retransmission requests (RFC 4585 §6.2.1).</summary>
    Nack = 1,

    /// <summary>"nack pli": picture loss indication (RFC 4585 §6.3.1).</summary>
    NackPli = 2,

    /// <summary>"ccm fir": full intra request (RFC 5104 §4.3.1).</summary>
    CcmFir = 4,

    /// <summary>"goog-remb": receiver estimated maximum bitrate.</summary>
    GoogRemb = 8,

    /// <summary>"transport-cc": transport-wide congestion control feedback.</summary>
    TransportCc = 16,
}

/// <summary>Maps <see cref="RtcpFeedbackKinds"/> to and from a=rtcp-fb lines.</summary>
public static class RtcpFeedbacks
{
    /// <summary>The feedback kind of one a=rtcp-fb line, or <see cref="RtcpFeedbackKinds.None"/> for others.</summary>
    public static RtcpFeedbackKinds KindOf(SdpRtcpFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return (feedback.Type, feedback.Parameter) switch
        {
            ("nack", null) => RtcpFeedbackKinds.Nack,
            ("nack", "pli") => RtcpFeedbackKinds.NackPli,
            ("ccm", "fir") => RtcpFeedbackKinds.CcmFir,
            ("goog-remb", null) => RtcpFeedbackKinds.GoogRemb,
            ("transport-cc", null) => RtcpFeedbackKinds.TransportCc,
            _ => RtcpFeedbackKinds.None,
        };
    }

    /// <summary>The union of the kinds a section lists for one payload type (directly or through "*").</summary>
    public static RtcpFeedbackKinds Offered(MediaDescription media, int payloadType)
    {
        ArgumentNullException.ThrowIfNull(media);
        RtcpFeedbackKinds kinds = RtcpFeedbackKinds.None;
        foreach (SdpRtcpFeedback feedback in media.RtcpFeedbacks)
        {
            if (feedback.AppliesTo(payloadType))
            {
                kinds |= KindOf(feedback);
            }
        }

        return kinds;
    }

    /// <summary>Adds one a=rtcp-fb line per kind, in the order Chromium writes them.</summary>
    public static void AddLines(MediaDescription media, int payloadType, RtcpFeedbackKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(media);
        Add(media, payloadType, kinds, RtcpFeedbackKinds.GoogRemb, "goog-remb", null);
        Add(media, payloadType, kinds, RtcpFeedbackKinds.TransportCc, "transport-cc", null);
        Add(media, payloadType, kinds, RtcpFeedbackKinds.CcmFir, "ccm", "fir");
        Add(media, payloadType, kinds, RtcpFeedbackKinds.Nack, "nack", null);
        Add(media, payloadType, kinds, RtcpFeedbackKinds.NackPli, "nack", "pli");
    }

    private static void Add(MediaDescription media, int payloadType, RtcpFeedbackKinds kinds, RtcpFeedbackKinds kind, string type, string? parameter)
    {
        if ((kinds & kind) != 0)
        {
            media.RtcpFeedbacks.Add(new SdpRtcpFeedback(payloadType, type, parameter));
        }
    }
}
