namespace Mcu.Rtp;

/// <summary>RTP/RTCP demultiplexing on one port (RFC 5761 section 4).</summary>
public static class RtcpMux
{
    /// <summary>
    /// True when the datagram is RTCP: version 2 and a second octet (RTCP packet type) in 192-223.
    /// RTP payload types 64-95 are never negotiated with rtcp-mux, so their marker/PT octet cannot collide.
    /// </summary>
    public static bool IsRtcp(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= 4 && datagram[0] >> 6 == RtpPacket.Version && datagram[1] is >= 192 and <= 223;

    /// <summary>True when the datagram looks like RTP under RFC 5761 rules (version 2, not RTCP, fixed header present).</summary>
    public static bool IsRtp(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= RtpPacket.FixedHeaderLength && datagram[0] >> 6 == RtpPacket.Version && datagram[1] is < 192 or > 223;
}
