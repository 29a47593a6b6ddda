using System.Buffers.Binary;

namespace Mcu.Rtp;

/// <summary>
/// RFC 4588 retransmission packets: the original header with the RTX payload type, SSRC and sequence
/// number, and the original sequence number (OSN) before the original payload (section 4).
/// </summary>
public static class RtxPacket
{
    public const int OsnLength = 2;

    /// <summary>Bytes the RTX packet of an original needs: the original minus its padding plus the OSN.</summary>
    public static int GetWrappedSize(RtpPacket original) => original.Data.Length - original.PaddingLength + OsnLength;

    /// <summary>Wraps a valid original RTP packet as RTX into <paramref name="destination"/>; padding is dropped.</summary>
    public static bool TryWrap(
        ReadOnlySpan<byte> original,
        Span<byte> destination,
        byte rtxPayloadType,
        uint rtxSsrc,
        ushort rtxSequenceNumber,
        out int written)
    {
        written = 0;
        if (!RtpPacket.TryParse(original, out var packet) || rtxPayloadType > 127)
        {
            return false;
        }
        var headerLength = packet.HeaderLength;
        var payload = packet.Payload;
        var size = headerLength + OsnLength + payload.Length;
        if (destination.Length < size)
        {
            return false;
        }
        // Copy payload first: it is the only part that moves if original and destination overlap at the same start.
        payload.CopyTo(destination[(headerLength + OsnLength)..]);
        original[..headerLength].CopyTo(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[headerLength..], packet.SequenceNumber);
        destination[0] &= 0xDF;
        RtpRewriter.TryRewrite(destination, rtxPayloadType, rtxSequenceNumber, packet.Timestamp, rtxSsrc);
        written = size;
        return true;
    }

    /// <summary>
    /// Restores the original packet from an RTX packet into <paramref name="destination"/>: OSN becomes the
    /// sequence number, with the original payload type and SSRC; padding is dropped. False when the RTX
    /// packet is malformed or has no OSN.
    /// </summary>
    public static bool TryUnwrap(
        ReadOnlySpan<byte> rtx,
        Span<byte> destination,
        byte originalPayloadType,
        uint originalSsrc,
        out int written)
    {
        written = 0;
        if (!RtpPacket.TryParse(rtx, out var packet) || originalPayloadType > 127)
        {
            return false;
        }
        var rtxPayload = packet.Payload;
        if (rtxPayload.Length < OsnLength)
        {
            return false;
        }
        var headerLength = packet.HeaderLength;
        var size = headerLength + rtxPayload.Length - OsnLength;
        if (destination.Length < size)
        {
            return false;
        }
        var osn = BinaryPrimitives.ReadUInt16BigEndian(rtxPayload);
        var timestamp = packet.Timestamp;
        // Header first, then the payload two bytes earlier: safe also when unwrapping in place.
        rtx[..headerLength].CopyTo(destination);
        rtxPayload[OsnLength..].CopyTo(destination[headerLength..]);
        destination[0] &= 0xDF;
        RtpRewriter.TryRewrite(destination, originalPayloadType, osn, timestamp, originalSsrc);
        written = size;
        return true;
    }
}
