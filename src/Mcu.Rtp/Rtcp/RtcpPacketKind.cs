namespace Mcu.Rtp.Rtcp;

/// <summary>What an RTCP packet is, by packet type, feedback format and (for REMB) its identifier.</summary>
public enum RtcpPacketKind : byte
{
    /// <summary>A packet type or feedback format this library does not read; skip it.</summary>
    Unknown = 0,
    SenderReport,
    ReceiverReport,
    SourceDescription,
    Goodbye,

    /// <summary>APP packets are ignored.</summary>
    ApplicationDefined,

    /// <summary>RTPFB FMT 1 (RFC 4585 section 6.2.1).</summary>
    GenericNack,

    /// <summary>RTPFB FMT 15 (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1).</summary>
    TransportWideFeedback,

    /// <summary>PSFB FMT 1 (RFC 4585 section 6.3.1).</summary>
    PictureLossIndication,

    /// <summary>PSFB FMT 4 (RFC 5104 section 4.3.1).</summary>
    FullIntraRequest,

    /// <summary>PSFB FMT 15 with the "REMB" identifier (draft-alvestrand-rmcat-remb).</summary>
    ReceiverEstimatedMaxBitrate,
    ExtendedReport,
}
