namespace Mcu.WebRtc;

/// <summary>What one session received, sent and dropped, and why (read on the driving thread).</summary>
public sealed class PeerSessionCounters
{
    public long RtpPacketsReceived { get; internal set; }

    public long RtcpPacketsReceived { get; internal set; }

    public long RtpPacketsSent { get; internal set; }

    public long RtcpPacketsSent { get; internal set; }

    public long BytesReceived { get; internal set; }

    public long BytesSent { get; internal set; }

    /// <summary>DTLS, RTP or RTCP from an address ICE has not validated.</summary>
    public long DroppedUnvalidatedSource { get; internal set; }

    /// <summary>RTP or RTCP before the SRTP keys existed.</summary>
    public long DroppedBeforeKeys { get; internal set; }

    /// <summary>SRTP/SRTCP that failed authentication, replay or parsing.</summary>
    public long DroppedSrtp { get; internal set; }

    /// <summary>First byte in no range this session speaks (RFC 7983).</summary>
    public long DroppedUnclassified { get; internal set; }

    /// <summary>Media the application asked to send that could not be protected or sent.</summary>
    public long SendFailures { get; internal set; }
}
