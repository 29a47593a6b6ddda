using System.Collections.Concurrent;
using Mcu.Conference.Clock;

namespace Mcu.Conference.Tests.Clock;

public class RoomClockTests
{
    [Fact]
    public async Task Both_clocks_tick_in_order_and_a_failing_tick_does_not_stop_them()
    {
        var audio = new ConcurrentQueue<long>();
        var video = new ConcurrentQueue<long>();
        var errors = new ConcurrentQueue<Exception>();
        using (var clock = new RoomClock("test-clock", Mcu.Primitives.MonotonicClock.Now, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50),
            (i, _) =>
            {
                audio.Enqueue(i);
                if (audio.Count == 3)
                {
                    throw new InvalidOperationException("a broken tick");
                }
            },
            (i, _) => video.Enqueue(i),
            errors.Enqueue))
        {
            clock.Begin();
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while ((audio.Count < 10 || video.Count < 4) && DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }
        }
        Assert.True(audio.Count >= 10 && video.Count >= 4, $"audio {audio.Count}, video {video.Count}");
        Assert.Equal(audio.Order(), audio);
        Assert.Equal(video.Order(), video);
        Assert.Single(errors);
    }
}
