using Mcu.Conference.Clock;

namespace Mcu.Conference.Tests.Clock;

public class TickPhasesTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1.0 / 30);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    public void Any_number_of_rooms_tick_nearly_evenly_apart(int rooms)
    {
        var phases = Enumerable.Range(0, rooms).Select(i => TickPhases.Phase(i)).Order().ToList();
        var gaps = phases.Zip(phases.Skip(1), (a, b) => b - a).Append(1 + phases[0] - phases[^1]).ToList();
        // Random phases would leave some rooms ticking together; these never come closer than a
        // third of an even share of the period.
        Assert.All(gaps, gap => Assert.True(gap > 1.0 / rooms / 3, $"rooms {gap * Period.TotalMilliseconds:0.0} ms apart among {rooms}"));
        Assert.True(gaps.Max() < 3.0 / rooms);
    }

    [Fact]
    public void A_rooms_origin_is_its_phase_at_or_after_now_and_less_than_a_period_away()
    {
        var random = new Random(7);
        for (var serial = 0; serial < 200; serial++)
        {
            var now = TimeSpan.FromTicks(random.NextInt64(0, TimeSpan.FromDays(3).Ticks));
            var origin = TickPhases.Origin(now, Period, serial);
            Assert.InRange(origin - now, TimeSpan.Zero, Period - TimeSpan.FromTicks(1));
            var phase = (double)(origin.Ticks % Period.Ticks) / Period.Ticks;
            Assert.Equal(TickPhases.Phase(serial), phase, 1.0 / Period.Ticks); // within one tick
        }
    }

    [Fact]
    public void Two_rooms_opened_at_once_tick_apart()
    {
        var now = TimeSpan.FromSeconds(12.3456);
        var first = TickPhases.Origin(now, Period, 0);
        var second = TickPhases.Origin(now, Period, 1);
        var apart = Math.Abs((second - first).Ticks % Period.Ticks);
        apart = Math.Min(apart, Period.Ticks - apart);
        Assert.True(TimeSpan.FromTicks(apart) > Period / 3, $"the second room ticks {TimeSpan.FromTicks(apart).TotalMilliseconds:0.0} ms after the first");
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TickPhases.Phase(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TickPhases.Origin(TimeSpan.Zero, TimeSpan.Zero, 0));
    }
}
