using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>The 4-byte header common to all RTCP packets (RFC 3550 section 6.4.1), with its length word validated.</summary>
public readonly struct RtcpHeader
{
    public const int Size = 4;

    private RtcpHeader(bool hasPadding, int count, byte packetType, int packetLength, int paddingLength)
    {
        HasPadding = hasPadding;
        Count = count;
        PacketType = packetType;
        PacketLength = packetLength;
        PaddingLength = paddingLength;
    }

    public bool HasPadding { get; }

    /// <summary>The 5-bit field after P: report/source count, or FMT for feedback packets.</summary>
    public int Count { get; }

    public byte PacketType { get; }

    /// <summary>Bytes of the whole packet, header and padding included: (length + 1) * 4.</summary>
    public int PacketLength { get; }

    public int PaddingLength { get; }

    /// <summary>Bytes after the header, padding excluded.</summary>
    public int BodyLength => PacketLength - Size - PaddingLength;

    /// <summary>
    /// Reads the header of the packet at the start of <paramref name="data"/>; false when the version is
    /// not 2, the length word runs past the data, or the padding count is 0 or larger than the body.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtcpHeader header)
    {
        header = default;
        if (data.Length < Size || data[0] >> 6 != RtpPacket.Version)
        {
            return false;
        }
        var packetLength = (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) + 1) * 4;
        if (packetLength > data.Length)
        {
            return false;
        }
        var hasPadding = (data[0] & 0x20) != 0;
        var padding = 0;
        if (hasPadding)
        {
            // RFC 3550 6.4.1: the last octet counts the padding octets including itself.
            padding = data[packetLength - 1];
            if (padding == 0 || padding > packetLength - Size)
            {
                return false;
            }
        }
        header = new RtcpHeader(hasPadding, data[0] & 0x1F, data[1], packetLength, padding);
        return true;
    }

    /// <summary>Writes a header without padding; <paramref name="packetLength"/> must be a multiple of 4.</summary>
    internal static void Write(Span<byte> destination, int count, RtcpPacketType packetType, int packetLength)
    {
        destination[0] = (byte)((RtpPacket.Version << 6) | count);
        destination[1] = (byte)packetType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((packetLength / 4) - 1));
    }

    /// <summary>Parses a header and checks type and (when given) count/FMT, returning the body without padding.</summary>
    internal static bool TryGetBody(
        ReadOnlySpan<byte> packet,
        RtcpPacketType packetType,
        int format,
        out RtcpHeader header,
        out ReadOnlySpan<byte> body)
    {
        body = default;
        if (!TryParse(packet, out header) || header.PacketType != (byte)packetType || (format >= 0 && header.Count != format))
        {
            return false;
        }
        body = packet.Slice(Size, header.BodyLength);
        return true;
    }
}
