using System.Buffers.Binary;

namespace Mcu.Rtp;

/// <summary>
/// In-place edits of RTP header fields, for per-receiver SSRC / sequence / timestamp / payload type
/// translation without re-serialising. Each returns false when the buffer cannot hold a fixed header.
/// </summary>
public static class RtpRewriter
{
    public static bool TrySetPayloadType(Span<byte> packet, byte payloadType)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength || payloadType > 127)
        {
            return false;
        }
        packet[1] = (byte)((packet[1] & 0x80) | payloadType);
        return true;
    }

    public static bool TrySetMarker(Span<byte> packet, bool marker)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength)
        {
            return false;
        }
        packet[1] = (byte)(marker ? packet[1] | 0x80 : packet[1] & 0x7F);
        return true;
    }

    public static bool TrySetSequenceNumber(Span<byte> packet, ushort sequenceNumber)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength)
        {
            return false;
        }
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);
        return true;
    }

    public static bool TrySetTimestamp(Span<byte> packet, uint timestamp)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength)
        {
            return false;
        }
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        return true;
    }

    public static bool TrySetSsrc(Span<byte> packet, uint ssrc)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength)
        {
            return false;
        }
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
        return true;
    }

    /// <summary>Rewrites payload type, sequence number, timestamp and SSRC at once, keeping the marker bit.</summary>
    public static bool TryRewrite(Span<byte> packet, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength || payloadType > 127)
        {
            return false;
        }
        packet[1] = (byte)((packet[1] & 0x80) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);
        return true;
    }
}
