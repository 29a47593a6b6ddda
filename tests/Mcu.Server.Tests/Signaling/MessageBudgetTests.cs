using Mcu.Server.Signaling;

namespace Mcu.Server.Tests.Signaling;

public sealed class MessageBudgetTests
{
    [Fact]
    public void A_burst_is_allowed_then_the_rate_applies()
    {
        var start = TimeSpan.FromSeconds(100);
        var budget = new MessageBudget(perSecond: 10, burst: 3, start);

        Assert.True(budget.TryTake(start));
        Assert.True(budget.TryTake(start));
        Assert.True(budget.TryTake(start));
        Assert.False(budget.TryTake(start));

        // 10 per second: one message every 100 ms.
        Assert.False(budget.TryTake(start + TimeSpan.FromMilliseconds(50)));
        Assert.True(budget.TryTake(start + TimeSpan.FromMilliseconds(100)));
        Assert.False(budget.TryTake(start + TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void A_quiet_connection_saves_up_no_more_than_the_burst()
    {
        var start = TimeSpan.Zero;
        var budget = new MessageBudget(perSecond: 20, burst: 2, start);
        var later = start + TimeSpan.FromMinutes(5);

        Assert.True(budget.TryTake(later));
        Assert.True(budget.TryTake(later));
        Assert.False(budget.TryTake(later));
    }

    [Fact]
    public void Time_going_backwards_grants_nothing()
    {
        var budget = new MessageBudget(perSecond: 1, burst: 1, TimeSpan.FromSeconds(10));

        Assert.True(budget.TryTake(TimeSpan.FromSeconds(10)));
        Assert.False(budget.TryTake(TimeSpan.FromSeconds(5)));
        Assert.False(budget.TryTake(TimeSpan.FromSeconds(10.5)));
        Assert.True(budget.TryTake(TimeSpan.FromSeconds(11)));
    }
}
