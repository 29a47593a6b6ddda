using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>
/// Generic NACK (RTPFB FMT 1, RFC 4585 section 6.2.1): FCI entries of PID (a lost sequence number) and BLP
/// (bit i set: PID + i + 1 also lost).
/// </summary>
public readonly ref struct GenericNack
{
    public const int Format = 1;
    public const int ItemSize = 4;

    private readonly ReadOnlySpan<byte> _fci;

    private GenericNack(uint senderSsrc, uint mediaSsrc, ReadOnlySpan<byte> fci)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        _fci = fci;
    }

    public uint SenderSsrc { get; }

    public uint MediaSsrc { get; }

    public int ItemCount => _fci.Length / ItemSize;

    /// <summary>Every sequence number reported lost, PID first then BLP bits in order, without allocating.</summary>
    public NackSequenceEnumerator LostSequenceNumbers => new(_fci);

    public void GetItem(int index, out ushort packetId, out ushort lostBitmask)
    {
        if ((uint)index >= (uint)ItemCount)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index));
        }
        packetId = BinaryPrimitives.ReadUInt16BigEndian(_fci[(index * ItemSize)..]);
        lostBitmask = BinaryPrimitives.ReadUInt16BigEndian(_fci[((index * ItemSize) + 2)..]);
    }

    /// <summary>False unless the FCI is one or more whole 4-byte items.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out GenericNack nack)
    {
        nack = default;
        if (!FeedbackHeader.TryGetFci(packet, RtcpPacketType.TransportFeedback, Format, out var sender, out var media, out var fci) ||
            fci.IsEmpty || fci.Length % ItemSize != 0)
        {
            return false;
        }
        nack = new GenericNack(sender, media, fci);
        return true;
    }

    /// <summary>Number of FCI items needed for the lost sequence numbers (best packed when sorted oldest first).</summary>
    public static int CountItems(ReadOnlySpan<ushort> lost)
    {
        var items = 0;
        ushort packetId = 0;
        foreach (var sequenceNumber in lost)
        {
            var offset = (ushort)(sequenceNumber - packetId);
            if (items == 0 || offset > 16)
            {
                items++;
                packetId = sequenceNumber;
            }
        }
        return items;
    }

    public static int GetSize(ReadOnlySpan<ushort> lost) => FeedbackHeader.Length + (CountItems(lost) * ItemSize);

    /// <summary>Packs lost sequence numbers into PID/BLP items; false when there are none or they do not fit.</summary>
    public static bool TryWrite(Span<byte> destination, uint senderSsrc, uint mediaSsrc, ReadOnlySpan<ushort> lost, out int written)
    {
        written = 0;
        var items = CountItems(lost);
        var size = FeedbackHeader.Length + (items * ItemSize);
        if (items == 0 || size > (ushort.MaxValue + 1) * 4 || destination.Length < size)
        {
            return false;
        }
        FeedbackHeader.Write(destination, RtcpPacketType.TransportFeedback, Format, size, senderSsrc, mediaSsrc);
        var position = FeedbackHeader.Length - ItemSize;
        ushort packetId = 0;
        ushort bitmask = 0;
        var started = false;
        foreach (var sequenceNumber in lost)
        {
            var offset = (ushort)(sequenceNumber - packetId);
            if (!started || offset > 16)
            {
                if (started)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 2)..], bitmask);
                }
                position += ItemSize;
                packetId = sequenceNumber;
                bitmask = 0;
                started = true;
                BinaryPrimitives.WriteUInt16BigEndian(destination[position..], packetId);
            }
            else if (offset != 0)
            {
                bitmask |= (ushort)(1 << (offset - 1));
            }
        }
        BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 2)..], bitmask);
        written = size;
        return true;
    }
}
