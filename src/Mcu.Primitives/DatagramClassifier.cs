namespace Mcu.Primitives;

/// <summary>Tells STUN, DTLS, RTP and RTCP apart on one port by the first two bytes.</summary>
public static class DatagramClassifier
{
    // RFC 7983 section 7 / RFC 9443 section 3: 0-3 STUN, 16-19 ZRTP, 20-63 DTLS,
    // 64-79 TURN channel, 80-127 QUIC, 128-191 RTP/RTCP. Only the ranges a WebRTC peer
    // session speaks are returned; ZRTP, TURN channels and QUIC are Unknown and dropped.
    public static DatagramKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return DatagramKind.Unknown;
        }
        var first = datagram[0];
        if (first <= 3)
        {
            return DatagramKind.Stun;
        }
        if (first is >= 20 and <= 63)
        {
            return DatagramKind.Dtls;
        }
        if (first is >= 128 and <= 191)
        {
            // RFC 5761 section 4: with RTCP multiplexed, packet types 192-223 are RTCP
            // (RTP payload types 64-95 are therefore never negotiated).
            if (datagram.Length < 2)
            {
                return DatagramKind.Unknown;
            }
            return datagram[1] is >= 192 and <= 223 ? DatagramKind.Rtcp : DatagramKind.Rtp;
        }
        return DatagramKind.Unknown;
    }
}
