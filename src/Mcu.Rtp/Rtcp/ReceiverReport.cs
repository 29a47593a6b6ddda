using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>RR: reporter SSRC plus report blocks (RFC 3550 section 6.4.2).</summary>
public readonly ref struct ReceiverReport
{
    public const int MaxReportBlocks = 31;

    private ReceiverReport(uint ssrc, ReportBlockList blocks)
    {
        Ssrc = ssrc;
        ReportBlocks = blocks;
    }

    public uint Ssrc { get; }

    public ReportBlockList ReportBlocks { get; }

    public static bool TryParse(ReadOnlySpan<byte> packet, out ReceiverReport report)
    {
        report = default;
        if (!RtcpHeader.TryGetBody(packet, RtcpPacketType.ReceiverReport, -1, out var header, out var body) ||
            body.Length < 4 + (header.Count * ReportBlock.Size))
        {
            return false;
        }
        report = new ReceiverReport(
            BinaryPrimitives.ReadUInt32BigEndian(body),
            new ReportBlockList(body.Slice(4, header.Count * ReportBlock.Size), header.Count));
        return true;
    }

    public static int GetSize(int reportBlockCount) => RtcpHeader.Size + 4 + (reportBlockCount * ReportBlock.Size);

    public static bool TryWrite(Span<byte> destination, uint ssrc, ReadOnlySpan<ReportBlock> blocks, out int written)
    {
        written = 0;
        var size = GetSize(blocks.Length);
        if (blocks.Length > MaxReportBlocks || destination.Length < size)
        {
            return false;
        }
        RtcpHeader.Write(destination, blocks.Length, RtcpPacketType.ReceiverReport, size);
        BinaryPrimitives.WriteUInt32BigEndian(destination[RtcpHeader.Size..], ssrc);
        ReportBlock.WriteAll(destination[(RtcpHeader.Size + 4)..], blocks);
        written = size;
        return true;
    }
}
