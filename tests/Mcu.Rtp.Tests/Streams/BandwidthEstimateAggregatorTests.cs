using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class BandwidthEstimateAggregatorTests
{
    private static readonly BandwidthEstimateOptions Options = new()
    {
        FloorBitrate = 200_000,
        CeilingBitrate = 2_000_000,
        StartBitrate = 1_000_000,
    };

    [Fact]
    public void The_lowest_receiver_sets_the_target_at_once()
    {
        var aggregator = new BandwidthEstimateAggregator(Options);
        aggregator.OnEstimate(Ms(0), 1, 1_500_000);
        aggregator.OnEstimate(Ms(0), 2, 700_000);
        aggregator.OnEstimate(Ms(0), 3, 1_200_000);

        Assert.True(aggregator.TryUpdate(Ms(0), out var target));
        Assert.Equal(700_000, target);

        aggregator.OnEstimate(Ms(100), 3, 400_000);
        Assert.True(aggregator.TryUpdate(Ms(100), out target));
        Assert.Equal(400_000, target);
        Assert.False(aggregator.TryUpdate(Ms(150), out _));
    }

    [Fact]
    public void The_target_is_clamped_to_floor_and_ceiling()
    {
        var aggregator = new BandwidthEstimateAggregator(Options);
        aggregator.OnEstimate(Ms(0), 1, 50_000);
        Assert.True(aggregator.TryUpdate(Ms(0), out var target));
        Assert.Equal(200_000, target);

        var high = new BandwidthEstimateAggregator(Options with { StartBitrate = 1_990_000 });
        high.OnEstimate(Ms(0), 1, 90_000_000);
        Assert.True(high.TryUpdate(Ms(0), out target));
        Assert.Equal(2_000_000, target);
        Assert.False(high.TryUpdate(Ms(5000), out _));
    }

    [Fact]
    public void Increases_are_gradual_and_at_most_every_500_ms()
    {
        var aggregator = new BandwidthEstimateAggregator(Options);
        aggregator.OnEstimate(Ms(0), 1, 500_000);
        Assert.True(aggregator.TryUpdate(Ms(0), out _));

        var changes = new List<(int Ms, long Target)>();
        for (var ms = 100; ms <= 5000; ms += 100)
        {
            aggregator.OnEstimate(Ms(ms), 1, 1_800_000);
            if (aggregator.TryUpdate(Ms(ms), out var target))
            {
                changes.Add((ms, target));
            }
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 500), changes.Select(c => c.Ms));
        var previous = 500_000L;
        foreach (var (_, target) in changes)
        {
            // +8 %/s applied every 0.5 s: +4 % per step.
            Assert.Equal((long)(previous * 1.04), target);
            previous = target;
        }
        Assert.InRange(previous, 700_000, 760_000);
    }

    [Fact]
    public void A_decrease_during_a_ramp_applies_at_once()
    {
        var aggregator = new BandwidthEstimateAggregator(Options);
        aggregator.OnEstimate(Ms(0), 1, 2_000_000);
        Assert.True(aggregator.TryUpdate(Ms(0), out var target));
        Assert.Equal(1_080_000, target);

        aggregator.OnEstimate(Ms(100), 1, 300_000);
        Assert.True(aggregator.TryUpdate(Ms(100), out target));
        Assert.Equal(300_000, target);
    }

    [Fact]
    public void A_receiver_that_stops_reporting_expires_after_5_s()
    {
        var aggregator = new BandwidthEstimateAggregator(Options with { StartBitrate = 300_000 });
        aggregator.OnEstimate(Ms(0), 1, 300_000);
        aggregator.OnEstimate(Ms(0), 2, 2_000_000);
        Assert.False(aggregator.TryUpdate(Ms(0), out _));

        for (var ms = 1000; ms <= 5000; ms += 1000)
        {
            aggregator.OnEstimate(Ms(ms), 2, 2_000_000);
            Assert.False(aggregator.TryUpdate(Ms(ms), out _));
        }
        Assert.Equal(2, aggregator.ReceiverCount);

        aggregator.OnEstimate(Ms(5001), 2, 2_000_000);
        Assert.True(aggregator.TryUpdate(Ms(5001), out var target));
        Assert.Equal(1, aggregator.ReceiverCount);
        Assert.Equal(324_000, target);
    }

    [Fact]
    public void With_no_receivers_the_target_stays()
    {
        var aggregator = new BandwidthEstimateAggregator(Options);
        aggregator.OnEstimate(Ms(0), 1, 600_000);
        Assert.True(aggregator.TryUpdate(Ms(0), out _));
        Assert.True(aggregator.RemoveReceiver(1));
        Assert.False(aggregator.RemoveReceiver(1));

        Assert.False(aggregator.TryUpdate(Ms(10_000), out var target));
        Assert.Equal(600_000, target);
    }

    [Fact]
    public void The_outlier_policy_ignores_a_receiver_far_below_the_median()
    {
        var strict = new BandwidthEstimateAggregator(Options);
        var lenient = new BandwidthEstimateAggregator(Options with { OutlierFractionOfMedian = 0.5 });
        foreach (var aggregator in new[] { strict, lenient })
        {
            aggregator.OnEstimate(Ms(0), 1, 1_500_000);
            aggregator.OnEstimate(Ms(0), 2, 1_400_000);
            aggregator.OnEstimate(Ms(0), 3, 900_000);
            aggregator.OnEstimate(Ms(0), 4, 250_000);
        }

        Assert.True(strict.TryUpdate(Ms(0), out var strictTarget));
        Assert.True(lenient.TryUpdate(Ms(0), out var lenientTarget));

        Assert.Equal(250_000, strictTarget);
        Assert.Equal(900_000, lenientTarget);
    }

    [Fact]
    public void Beyond_the_receiver_limit_the_stalest_receiver_is_replaced()
    {
        var aggregator = new BandwidthEstimateAggregator(Options with { MaxReceivers = 2 });
        aggregator.OnEstimate(Ms(0), 1, 300_000);
        aggregator.OnEstimate(Ms(10), 2, 900_000);
        aggregator.OnEstimate(Ms(20), 3, 800_000);

        Assert.Equal(2, aggregator.ReceiverCount);
        Assert.True(aggregator.TryUpdate(Ms(20), out var target));
        Assert.Equal(800_000, target);
    }

    [Fact]
    public void Updating_allocates_nothing()
    {
        var aggregator = new BandwidthEstimateAggregator(Options with { OutlierFractionOfMedian = 0.3 });
        var now = TimeSpan.Zero;
        var allocated = Allocations.Measure(() =>
        {
            now += Ms(100);
            for (uint r = 0; r < 5; r++)
            {
                aggregator.OnEstimate(now, r, 500_000 + (ulong)(now.Ticks % 700_000) + (r * 1000));
            }
            aggregator.TryUpdate(now, out _);
        });

        Assert.Equal(0, allocated);
    }
}
