using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>SR: sender information plus report blocks (RFC 3550 section 6.4.1).</summary>
public readonly ref struct SenderReport
{
    public const int MaxReportBlocks = 31;

    // SSRC + NTP (8) + RTP timestamp + packet count + octet count.
    private const int SenderSectionLength = 24;

    private readonly ReadOnlySpan<byte> _body;

    private SenderReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportBlocks = new ReportBlockList(body.Slice(SenderSectionLength, reportCount * ReportBlock.Size), reportCount);
    }

    public SenderInfo Info => new(
        BinaryPrimitives.ReadUInt32BigEndian(_body),
        new NtpTimestamp(BinaryPrimitives.ReadUInt64BigEndian(_body[4..])),
        BinaryPrimitives.ReadUInt32BigEndian(_body[12..]),
        BinaryPrimitives.ReadUInt32BigEndian(_body[16..]),
        BinaryPrimitives.ReadUInt32BigEndian(_body[20..]));

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    public ReportBlockList ReportBlocks { get; }

    /// <summary>False unless the body holds the sender section and all RC report blocks (extensions after them are ignored).</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out SenderReport report)
    {
        report = default;
        if (!RtcpHeader.TryGetBody(packet, RtcpPacketType.SenderReport, -1, out var header, out var body) ||
            body.Length < SenderSectionLength + (header.Count * ReportBlock.Size))
        {
            return false;
        }
        report = new SenderReport(body, header.Count);
        return true;
    }

    public static int GetSize(int reportBlockCount) => RtcpHeader.Size + SenderSectionLength + (reportBlockCount * ReportBlock.Size);

    public static bool TryWrite(Span<byte> destination, in SenderInfo info, ReadOnlySpan<ReportBlock> blocks, out int written)
    {
        written = 0;
        var size = GetSize(blocks.Length);
        if (blocks.Length > MaxReportBlocks || destination.Length < size)
        {
            return false;
        }
        RtcpHeader.Write(destination, blocks.Length, RtcpPacketType.SenderReport, size);
        var body = destination[RtcpHeader.Size..];
        BinaryPrimitives.WriteUInt32BigEndian(body, info.Ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(body[4..], info.NtpTimestamp.Value);
        BinaryPrimitives.WriteUInt32BigEndian(body[12..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[16..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(body[20..], info.OctetCount);
        ReportBlock.WriteAll(body[SenderSectionLength..], blocks);
        written = size;
        return true;
    }
}
