using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class ReceiveStatisticsTests
{
    private static ReceiveStatistics Feed(params int[] sequenceNumbers)
    {
        var stats = new ReceiveStatistics(0xAB, 90000);
        foreach (var sequenceNumber in sequenceNumbers)
        {
            stats.OnPacket(Ms(sequenceNumber), (ushort)sequenceNumber, (uint)(sequenceNumber * 3000), 100);
        }
        return stats;
    }

    [Fact]
    public void Loss_follows_rfc3550_a3_expected_minus_received()
    {
        var stats = Feed(0, 1, 2, 4, 5, 6, 8, 9);

        var block = stats.CreateReportBlock(Ms(100));

        Assert.Equal(0xABu, block.Ssrc);
        Assert.Equal(10, stats.ExpectedPackets);
        Assert.Equal(8, stats.PacketsReceived);
        Assert.Equal(800, stats.BytesReceived);
        Assert.Equal(2, block.CumulativeLost);
        Assert.Equal((2 << 8) / 10, block.FractionLost);
        Assert.Equal(9u, block.ExtendedHighestSequenceNumber);
    }

    [Fact]
    public void Fraction_lost_covers_only_the_interval_since_the_previous_report()
    {
        var stats = Feed(0, 1, 3);
        Assert.Equal((1 << 8) / 4, stats.CreateReportBlock(Ms(10)).FractionLost);

        stats.OnPacket(Ms(20), 4, 12000, 100);
        stats.OnPacket(Ms(30), 5, 15000, 100);
        var second = stats.CreateReportBlock(Ms(40));

        Assert.Equal(0, second.FractionLost);
        Assert.Equal(1, second.CumulativeLost);
    }

    [Fact]
    public void Extended_highest_sequence_counts_cycles_across_the_wrap()
    {
        var stats = Feed(65533, 65534, 65535, 0, 1, 2);

        Assert.Equal(0x1_0002u, stats.ExtendedHighestSequenceNumber);
        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(6, stats.ExpectedPackets);
    }

    [Fact]
    public void Reordered_packets_count_once_and_fill_the_gap()
    {
        var stats = new ReceiveStatistics(1, 90000);
        Assert.Equal(PacketArrival.InOrder, stats.OnPacket(Ms(0), 10, 0, 1));
        Assert.Equal(PacketArrival.InOrder, stats.OnPacket(Ms(1), 12, 0, 1));
        Assert.Equal(PacketArrival.OutOfOrder, stats.OnPacket(Ms(2), 11, 0, 1));

        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(12u, stats.ExtendedHighestSequenceNumber);
    }

    [Fact]
    public void A_late_packet_from_before_the_first_one_extends_the_expected_range()
    {
        var stats = Feed(2, 0, 1, 3);

        Assert.Equal(4, stats.ExpectedPackets);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void Duplicates_are_not_counted_twice()
    {
        var stats = new ReceiveStatistics(1, 90000);
        stats.OnPacket(Ms(0), 100, 0, 1);
        stats.OnPacket(Ms(1), 101, 0, 1);
        stats.OnPacket(Ms(2), 103, 0, 1);
        Assert.Equal(PacketArrival.Duplicate, stats.OnPacket(Ms(3), 103, 0, 1));
        Assert.Equal(PacketArrival.Duplicate, stats.OnPacket(Ms(4), 100, 0, 1));
        Assert.Equal(PacketArrival.OutOfOrder, stats.OnPacket(Ms(5), 102, 0, 1));
        Assert.Equal(PacketArrival.Duplicate, stats.OnPacket(Ms(6), 102, 0, 1));

        Assert.Equal(4, stats.PacketsReceived);
        Assert.Equal(3, stats.DuplicatePackets);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void A_large_jump_counts_only_once_the_next_packet_confirms_it()
    {
        var stats = Feed(100, 101);

        Assert.Equal(PacketArrival.SuspectedJump, stats.OnPacket(Ms(10), 30000, 0, 1));
        Assert.Equal(PacketArrival.InOrder, stats.OnPacket(Ms(11), 102, 0, 1));
        Assert.Equal(3, stats.PacketsReceived);

        Assert.Equal(PacketArrival.SuspectedJump, stats.OnPacket(Ms(12), 40000, 0, 1));
        Assert.Equal(PacketArrival.Restarted, stats.OnPacket(Ms(13), 40001, 0, 1));
        Assert.Equal(1, stats.Restarts);
        Assert.Equal(1, stats.PacketsReceived);
        Assert.Equal(40001u, stats.ExtendedHighestSequenceNumber);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void Packets_far_behind_are_treated_as_a_jump_not_as_reordering()
    {
        var stats = Feed(1000, 1001);

        Assert.Equal(PacketArrival.SuspectedJump, stats.OnPacket(Ms(10), 800, 0, 1));
        Assert.Equal(2, stats.PacketsReceived);
    }

    [Fact]
    public void Jitter_matches_the_rfc3550_a8_estimator()
    {
        const int clockRate = 90000;
        var stats = new ReceiveStatistics(1, clockRate);
        // One frame every 1/30 s, arriving with a delay that varies by these many milliseconds.
        int[] extraDelayMs = [0, 5, 1, 12, 0, 3, 8, 2, 20, 0, 4, 6];
        double expected = 0;
        double? previousTransit = null;
        for (var i = 0; i < extraDelayMs.Length; i++)
        {
            uint timestamp = (uint)(i * 3000);
            var arrival = TimeSpan.FromTicks((i * TimeSpan.TicksPerSecond / 30) + (extraDelayMs[i] * TimeSpan.TicksPerMillisecond));
            stats.OnPacket(arrival, (ushort)i, timestamp, 1000);

            // RFC 3550 6.4.1: D = (Rj - Ri) - (Sj - Si); J += (|D| - J) / 16.
            var transit = (arrival.TotalSeconds * clockRate) - timestamp;
            if (previousTransit is { } p)
            {
                expected += (Math.Abs(transit - p) - expected) / 16;
            }
            previousTransit = transit;
        }

        Assert.InRange(stats.Jitter, expected - 1, expected + 1);
        Assert.Equal(stats.Jitter, stats.CreateReportBlock(Ms(500)).Jitter);
        Assert.InRange(stats.JitterDuration.TotalMilliseconds, (expected - 1) / 90, (expected + 1) / 90);
    }

    [Fact]
    public void A_constant_delay_is_no_jitter_and_packets_of_one_frame_do_not_add_any()
    {
        var stats = new ReceiveStatistics(1, 90000);
        ushort sequenceNumber = 0;
        for (var frame = 0; frame < 50; frame++)
        {
            var sent = TimeSpan.FromTicks(frame * TimeSpan.TicksPerSecond / 30);
            for (var packet = 0; packet < 5; packet++)
            {
                // The packets of a frame leave in a 2 ms burst; the network adds a constant 40 ms.
                stats.OnPacket(sent + Ms(40 + (packet * 0.5)), sequenceNumber++, (uint)(frame * 3000), 1000);
            }
        }

        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void Lsr_and_dlsr_come_from_the_last_sender_report()
    {
        var stats = Feed(0, 1);
        Assert.Equal(0u, stats.CreateReportBlock(Ms(5)).LastSenderReport);

        var ntp = NtpTimestamp.FromDateTime(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        stats.OnSenderReport(TimeSpan.FromSeconds(1), new SenderInfo(0xAB, ntp, 1234, 10, 1000));
        var block = stats.CreateReportBlock(TimeSpan.FromSeconds(1.5));

        Assert.Equal(ntp.Middle32, block.LastSenderReport);
        Assert.Equal(32768u, block.DelaySinceLastSenderReport);
        Assert.Equal(1234u, stats.LastSenderReportRtpTimestamp);
    }

    [Fact]
    public void The_report_block_reads_back_from_a_receiver_report()
    {
        var stats = Feed(0, 1, 2, 5);
        var buffer = new byte[64];

        Assert.True(ReceiverReport.TryWrite(buffer, 9, [stats.CreateReportBlock(Ms(10))], out var written));
        Assert.True(ReceiverReport.TryParse(buffer.AsSpan(0, written), out var rr));
        var block = rr.ReportBlocks[0];

        Assert.Equal(2, block.CumulativeLost);
        Assert.Equal(5u, block.ExtendedHighestSequenceNumber);
        Assert.Equal((2 << 8) / 6, block.FractionLost);
    }

    [Fact]
    public void Updating_on_each_packet_allocates_nothing()
    {
        var stats = new ReceiveStatistics(1, 90000);
        var packet = StreamPackets.Packet(0, 0, 1, 1000);
        ushort sequenceNumber = 0;
        var now = TimeSpan.Zero;

        var allocated = Allocations.Measure(() =>
        {
            sequenceNumber += (ushort)(sequenceNumber % 7 == 0 ? 2 : 1);
            now += Ms(3);
            RtpRewriter.TrySetSequenceNumber(packet, sequenceNumber);
            RtpRewriter.TrySetTimestamp(packet, (uint)(now.Ticks / 111));
            if (RtpPacket.TryParse(packet, out var parsed))
            {
                stats.OnPacket(now, parsed);
            }
            stats.OnPacket(now, (ushort)(sequenceNumber - 3), 0, 10);
        });

        Assert.Equal(0, allocated);
        Assert.True(stats.PacketsReceived > 500 && stats.DuplicatePackets > 0);
    }
}
