using Mcu.Dtls.Handshakes;

namespace Mcu.Dtls.Tests.Handshakes;

public sealed class RetransmitTimerTests
{
    [Fact]
    public void Doubles_up_to_the_cap_then_gives_up_after_the_limit()
    {
        var timer = new RetransmitTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), maxRetransmissions: 4);
        timer.Start(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(11), timer.Deadline);
        Assert.False(timer.IsDue(TimeSpan.FromSeconds(10.9)));
        Assert.True(timer.IsDue(TimeSpan.FromSeconds(11)));

        var intervals = new List<double>();
        TimeSpan now = TimeSpan.FromSeconds(11);
        while (timer.TryBackOff(now))
        {
            intervals.Add((timer.Deadline!.Value - now).TotalSeconds);
            now = timer.Deadline.Value;
        }

        Assert.Equal([2, 4, 5, 5], intervals);
        Assert.Null(timer.Deadline);
        Assert.Equal(4, timer.Retransmissions);
    }

    [Fact]
    public void A_new_flight_starts_again_from_the_initial_timeout()
    {
        var timer = new RetransmitTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), maxRetransmissions: 3);
        timer.Start(TimeSpan.Zero);
        timer.TryBackOff(TimeSpan.FromSeconds(1));
        timer.Start(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(3), timer.Deadline);
        Assert.Equal(0, timer.Retransmissions);
        timer.Stop();
        Assert.False(timer.IsDue(TimeSpan.MaxValue));
    }
}
