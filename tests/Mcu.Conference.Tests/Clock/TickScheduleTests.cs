using Mcu.Conference.Clock;

namespace Mcu.Conference.Tests.Clock;

public class TickScheduleTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Ticks_fall_on_an_absolute_timeline_without_drift()
    {
        var schedule = new TickSchedule(TimeSpan.FromSeconds(1), Period);
        Assert.False(schedule.TryTake(TimeSpan.FromMilliseconds(999), out _));
        for (var i = 0; i < 1000; i++)
        {
            // Each tick taken 3 ms late does not push the next one later.
            var due = TimeSpan.FromSeconds(1) + (Period * i);
            Assert.Equal(due, schedule.NextDue);
            Assert.True(schedule.TryTake(due + TimeSpan.FromMilliseconds(3), out var index));
            Assert.Equal(i, index);
        }
        Assert.Equal(0, schedule.Missed);
    }

    [Fact]
    public void A_late_clock_skips_and_counts_the_ticks_it_missed_instead_of_bursting()
    {
        var schedule = new TickSchedule(TimeSpan.Zero, Period);
        Assert.True(schedule.TryTake(TimeSpan.Zero, out _));
        // 105 ms later: ticks 1..4 were missed, tick 5 runs, and nothing else is due yet.
        Assert.True(schedule.TryTake(TimeSpan.FromMilliseconds(105), out var index));
        Assert.Equal(5, index);
        Assert.Equal(4, schedule.Missed);
        Assert.False(schedule.TryTake(TimeSpan.FromMilliseconds(105), out _));
        Assert.Equal(TimeSpan.FromMilliseconds(120), schedule.NextDue);
    }
}
