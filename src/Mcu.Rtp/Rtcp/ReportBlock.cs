using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 section 6.4.1).</summary>
/// <param name="CumulativeLost">Signed 24-bit: duplicates can make it negative; clamped when written.</param>
/// <param name="LastSenderReport">Middle 32 bits of the last SR's NTP timestamp (LSR), 0 if none.</param>
/// <param name="DelaySinceLastSenderReport">DLSR in units of 1/65536 s.</param>
public readonly record struct ReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequenceNumber,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    public const int Size = 24;

    private const int MaxCumulativeLost = 0x7FFFFF;
    private const int MinCumulativeLost = -0x800000;

    internal static ReportBlock Read(ReadOnlySpan<byte> data)
    {
        var lostWord = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        return new ReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(data),
            (byte)(lostWord >> 24),
            ((int)(lostWord << 8)) >> 8,
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[20..]));
    }

    internal void Write(Span<byte> destination)
    {
        var lost = Math.Clamp(CumulativeLost, MinCumulativeLost, MaxCumulativeLost);
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | ((uint)lost & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }

    internal static void WriteAll(Span<byte> destination, ReadOnlySpan<ReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination[(i * Size)..]);
        }
    }
}
