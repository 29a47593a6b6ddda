namespace Mcu.Rtp.Rtcp;

/// <summary>RTCP packet type octet values (RFC 3550 section 12.1, RFC 4585 section 6.1, RFC 3611 section 5).</summary>
public enum RtcpPacketType : byte
{
    SenderReport = 200,
    ReceiverReport = 201,
    SourceDescription = 202,
    Goodbye = 203,
    ApplicationDefined = 204,

    /// <summary>RTPFB: transport layer feedback (generic NACK, transport-wide CC).</summary>
    TransportFeedback = 205,

    /// <summary>PSFB: payload-specific feedback (PLI, FIR, REMB).</summary>
    PayloadFeedback = 206,
    ExtendedReport = 207,
}
