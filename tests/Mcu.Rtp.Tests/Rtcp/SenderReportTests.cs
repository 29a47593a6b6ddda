using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class SenderReportTests
{
    [Fact]
    public void Parses_sender_info_and_report_blocks()
    {
        Assert.True(SenderReport.TryParse(RtcpPackets.SenderReport, out var report));
        var info = report.Info;
        Assert.Equal(0x11223344u, report.Ssrc);
        Assert.Equal(0xe56b527fu, info.NtpTimestamp.Seconds);
        Assert.Equal(0x80000000u, info.NtpTimestamp.Fraction);
        Assert.Equal(90000u, info.RtpTimestamp);
        Assert.Equal(100u, info.PacketCount);
        Assert.Equal(15000u, info.OctetCount);

        Assert.Equal(1, report.ReportBlocks.Count);
        var block = report.ReportBlocks[0];
        Assert.Equal(0x55667788u, block.Ssrc);
        Assert.Equal(25, block.FractionLost);
        Assert.Equal(-2, block.CumulativeLost);
        Assert.Equal(65541u, block.ExtendedHighestSequenceNumber);
        Assert.Equal(32u, block.Jitter);
        Assert.Equal(0x527f8000u, block.LastSenderReport);
        Assert.Equal(0x00018000u, block.DelaySinceLastSenderReport);
    }

    [Fact]
    public void Writer_reproduces_the_hand_built_bytes()
    {
        Assert.True(SenderReport.TryParse(RtcpPackets.SenderReport, out var report));
        var blocks = new[] { report.ReportBlocks[0] };
        var buffer = new byte[SenderReport.GetSize(1)];
        Assert.True(SenderReport.TryWrite(buffer, report.Info, blocks, out var written));
        Assert.Equal(RtcpPackets.SenderReport, buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void Cumulative_loss_is_clamped_to_24_bits_when_written()
    {
        var blocks = new[] { new ReportBlock(1, 0, 10_000_000, 0, 0, 0, 0), new ReportBlock(2, 0, -10_000_000, 0, 0, 0, 0) };
        var buffer = new byte[SenderReport.GetSize(2)];
        Assert.True(SenderReport.TryWrite(buffer, new SenderInfo(1, default, 0, 0, 0), blocks, out _));
        Assert.True(SenderReport.TryParse(buffer, out var report));
        Assert.Equal(0x7FFFFF, report.ReportBlocks[0].CumulativeLost);
        Assert.Equal(-0x800000, report.ReportBlocks[1].CumulativeLost);
    }

    [Fact]
    public void Report_count_exceeding_the_length_is_rejected()
    {
        var packet = RtcpPackets.SenderReport.ToArray();
        packet[0] = 0x82;   // RC=2 but only one block present
        Assert.False(SenderReport.TryParse(packet, out _));
        Assert.False(SenderReport.TryParse(RtcpPackets.ReceiverReport, out _));
    }

    [Fact]
    public void Writer_refuses_too_many_blocks_or_too_little_room()
    {
        Assert.False(SenderReport.TryWrite(new byte[2000], default, new ReportBlock[32], out _));
        Assert.False(SenderReport.TryWrite(new byte[27], default, ReadOnlySpan<ReportBlock>.Empty, out _));
    }

    [Fact]
    public void Report_blocks_enumerate_in_order()
    {
        var blocks = new[] { new ReportBlock(1, 1, 1, 1, 1, 1, 1), new ReportBlock(2, 2, 2, 2, 2, 2, 2) };
        var buffer = new byte[SenderReport.GetSize(2)];
        Assert.True(SenderReport.TryWrite(buffer, new SenderInfo(9, new NtpTimestamp(5), 6, 7, 8), blocks, out _));
        Assert.True(SenderReport.TryParse(buffer, out var report));
        var read = new List<ReportBlock>();
        foreach (var block in report.ReportBlocks)
        {
            read.Add(block);
        }
        Assert.Equal(blocks, read);
        Assert.Equal(new SenderInfo(9, new NtpTimestamp(5), 6, 7, 8), report.Info);
    }
}
