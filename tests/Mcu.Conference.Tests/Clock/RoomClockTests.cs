using System.Collections.Concurrent;
using Mcu.Conference.Clock;
using Mcu.Testing;

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

    [Fact]
    public async Task Audio_runs_above_video_and_video_above_the_normal_priority_when_the_process_may_raise_them()
    {
        var audioNice = int.MinValue;
        var videoNice = int.MinValue;
        using (var clock = new RoomClock("test-priority", Mcu.Primitives.MonotonicClock.Now, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(33),
            (_, _) => Volatile.Write(ref audioNice, ThreadNice.Current()),
            (_, _) => Volatile.Write(ref videoNice, ThreadNice.Current()),
            _ => { }))
        {
            clock.Begin();
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while ((Volatile.Read(ref audioNice) == int.MinValue || Volatile.Read(ref videoNice) == int.MinValue) && DateTime.UtcNow < until)
            {
                await Task.Delay(10);
            }
            // Raising a priority needs root or CAP_SYS_NICE (the Docker image and CI run as root).
            Assert.Equal(clock.AudioPriorityRaised ? RoomClock.AudioNice : 0, audioNice);
            Assert.Equal(clock.VideoPriorityRaised ? RoomClock.VideoNice : 0, videoNice);
            Assert.Equal(clock.AudioPriorityRaised, clock.VideoPriorityRaised);
        }
    }
}
