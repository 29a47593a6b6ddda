using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class ReceiverReportTests
{
    [Fact]
    public void Parses_and_round_trips()
    {
        Assert.True(ReceiverReport.TryParse(RtcpPackets.ReceiverReport, out var report));
        Assert.Equal(0xAABBCCDDu, report.Ssrc);
        Assert.Equal(1, report.ReportBlocks.Count);
        var block = report.ReportBlocks[0];
        Assert.Equal(3, block.CumulativeLost);
        Assert.Equal(0xFFFFu, block.ExtendedHighestSequenceNumber);
        Assert.Equal(5u, block.Jitter);

        var buffer = new byte[ReceiverReport.GetSize(1)];
        Assert.True(ReceiverReport.TryWrite(buffer, report.Ssrc, new[] { block }, out var written));
        Assert.Equal(RtcpPackets.ReceiverReport, buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void An_empty_rr_is_valid_but_a_zero_length_one_is_not()
    {
        var buffer = new byte[8];
        Assert.True(ReceiverReport.TryWrite(buffer, 42, ReadOnlySpan<ReportBlock>.Empty, out var written));
        Assert.Equal(8, written);
        Assert.True(ReceiverReport.TryParse(buffer, out var report));
        Assert.Equal(0, report.ReportBlocks.Count);

        Assert.False(ReceiverReport.TryParse(Bytes.FromHex("80 c9 00 00"), out _));
    }

    [Fact]
    public void Report_count_exceeding_the_length_is_rejected()
    {
        var packet = RtcpPackets.ReceiverReport.ToArray();
        packet[0] = 0x83;
        Assert.False(ReceiverReport.TryParse(packet, out _));
    }

    [Fact]
    public void Block_index_outside_the_list_is_a_caller_error()
    {
        Assert.True(ReceiverReport.TryParse(RtcpPackets.ReceiverReport, out var report));
        try
        {
            _ = report.ReportBlocks[1];
            Assert.Fail("expected an exception");
        }
        catch (ArgumentOutOfRangeException)
        {
        }
    }
}
