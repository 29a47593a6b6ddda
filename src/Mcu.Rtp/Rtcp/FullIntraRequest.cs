using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>FIR (PSFB FMT 4, RFC 5104 section 4.3.1): entries of target SSRC and command sequence number.</summary>
public readonly ref struct FullIntraRequest
{
    public const int Format = 4;
    public const int EntrySize = 8;

    private readonly ReadOnlySpan<byte> _fci;

    private FullIntraRequest(uint senderSsrc, ReadOnlySpan<byte> fci)
    {
        SenderSsrc = senderSsrc;
        _fci = fci;
    }

    public uint SenderSsrc { get; }

    public int EntryCount => _fci.Length / EntrySize;

    public FirEntry GetEntry(int index)
    {
        if ((uint)index >= (uint)EntryCount)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index));
        }
        var entry = _fci[(index * EntrySize)..];
        return new FirEntry(BinaryPrimitives.ReadUInt32BigEndian(entry), entry[4]);
    }

    /// <summary>False unless the FCI is one or more whole 8-byte entries. The packet-level media SSRC (unused for FIR, RFC 5104 4.3.1) is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out FullIntraRequest fir)
    {
        fir = default;
        if (!FeedbackHeader.TryGetFci(packet, RtcpPacketType.PayloadFeedback, Format, out var sender, out _, out var fci) ||
            fci.IsEmpty || fci.Length % EntrySize != 0)
        {
            return false;
        }
        fir = new FullIntraRequest(sender, fci);
        return true;
    }

    public static int GetSize(int entryCount) => FeedbackHeader.Length + (entryCount * EntrySize);

    public static bool TryWrite(Span<byte> destination, uint senderSsrc, ReadOnlySpan<FirEntry> entries, out int written)
    {
        written = 0;
        var size = GetSize(entries.Length);
        if (entries.IsEmpty || size > (ushort.MaxValue + 1) * 4 || destination.Length < size)
        {
            return false;
        }
        FeedbackHeader.Write(destination, RtcpPacketType.PayloadFeedback, Format, size, senderSsrc, 0);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = destination[(FeedbackHeader.Length + (i * EntrySize))..];
            BinaryPrimitives.WriteUInt32BigEndian(entry, entries[i].Ssrc);
            entry[4] = entries[i].SequenceNumber;
            entry.Slice(5, 3).Clear();
        }
        written = size;
        return true;
    }
}
