using Mcu.Rtp.Streams;

namespace Mcu.Rtp.Tests.Streams;

public class RtcpSchedulerTests
{
    [Fact]
    public void Nothing_is_due_before_start_and_the_first_report_comes_soon()
    {
        var scheduler = new RtcpScheduler(RtcpScheduler.VideoInterval, new Random(1));
        Assert.False(scheduler.IsDue(TimeSpan.FromHours(1)));

        var start = TimeSpan.FromSeconds(3);
        scheduler.Start(start);

        Assert.InRange(scheduler.NextReportTime - start, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(150));
        Assert.False(scheduler.IsDue(start + TimeSpan.FromMilliseconds(49)));
        Assert.True(scheduler.IsDue(start + TimeSpan.FromMilliseconds(150)));
    }

    [Fact]
    public void Intervals_are_randomised_between_half_and_one_and_a_half_times_nominal()
    {
        var scheduler = new RtcpScheduler(TimeSpan.FromSeconds(1), new Random(42));
        var now = TimeSpan.Zero;
        double min = double.MaxValue, max = 0, sum = 0;
        const int draws = 4000;
        for (var i = 0; i < draws; i++)
        {
            scheduler.OnReportSent(now);
            var interval = (scheduler.NextReportTime - now).TotalSeconds;
            min = Math.Min(min, interval);
            max = Math.Max(max, interval);
            sum += interval;
            now = scheduler.NextReportTime;
        }

        Assert.InRange(min, 0.5, 0.55);
        Assert.InRange(max, 1.45, 1.5);
        Assert.InRange(sum / draws, 0.97, 1.03);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtcpScheduler(TimeSpan.Zero, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtcpScheduler(TimeSpan.FromSeconds(1), new Random(1), TimeSpan.FromSeconds(-1)));
    }
}
