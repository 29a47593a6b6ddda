namespace Mcu.Primitives.Tests;

public class MonotonicClockTests
{
    [Fact]
    public void Time_never_goes_backwards()
    {
        var previous = MonotonicClock.Now;
        for (var i = 0; i < 10_000; i++)
        {
            var now = MonotonicClock.Now;
            Assert.True(now >= previous);
            previous = now;
        }
    }
}
