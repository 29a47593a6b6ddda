using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>Shared layout of RTPFB/PSFB packets (RFC 4585 section 6.1): header, sender SSRC, media SSRC, FCI.</summary>
internal static class FeedbackHeader
{
    /// <summary>Header plus the two SSRCs.</summary>
    public const int Length = RtcpHeader.Size + 8;

    public static bool TryGetFci(
        ReadOnlySpan<byte> packet,
        RtcpPacketType packetType,
        int format,
        out uint senderSsrc,
        out uint mediaSsrc,
        out ReadOnlySpan<byte> fci)
    {
        senderSsrc = 0;
        mediaSsrc = 0;
        fci = default;
        if (!RtcpHeader.TryGetBody(packet, packetType, format, out _, out var body) || body.Length < 8)
        {
            return false;
        }
        senderSsrc = BinaryPrimitives.ReadUInt32BigEndian(body);
        mediaSsrc = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        fci = body[8..];
        return true;
    }

    public static void Write(Span<byte> destination, RtcpPacketType packetType, int format, int packetLength, uint senderSsrc, uint mediaSsrc)
    {
        RtcpHeader.Write(destination, format, packetType, packetLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], senderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], mediaSsrc);
    }
}
