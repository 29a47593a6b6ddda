using System.Buffers.Binary;

namespace Mcu.Srtp;

/// <summary>What SRTP needs from an RTP header: its full length, the sequence number and the SSRC.</summary>
internal readonly struct RtpHeaderFields
{
    public const int FixedLength = 12;

    private RtpHeaderFields(int length, ushort sequenceNumber, uint ssrc)
    {
        Length = length;
        SequenceNumber = sequenceNumber;
        Ssrc = ssrc;
    }

    /// <summary>Header length including CSRCs and the extension; the payload (and any padding) follows.</summary>
    public int Length { get; }

    public ushort SequenceNumber { get; }

    public uint Ssrc { get; }

    /// <summary>False when the packet is not RTP version 2 or is shorter than its header claims.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeaderFields header)
    {
        header = default;
        if (packet.Length < FixedLength)
        {
            return false;
        }
        var first = packet[0];
        if (first >> 6 != 2)
        {
            return false;
        }
        // RFC 3550 5.1: CC counts 32-bit CSRC identifiers after the fixed header.
        var length = FixedLength + 4 * (first & 0x0F);
        if ((first & 0x10) != 0)
        {
            // RFC 3550 5.3.1: a 16-bit profile word and a 16-bit length in 32-bit words, then the words.
            if (packet.Length < length + 4)
            {
                return false;
            }
            length += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]);
        }
        if (length > packet.Length)
        {
            return false;
        }
        header = new RtpHeaderFields(
            length,
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]));
        return true;
    }
}
