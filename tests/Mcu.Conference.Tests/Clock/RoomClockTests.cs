using System.Collections.Concurrent;
using Mcu.Conference.Clock;
using Mcu.Primitives;
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
            static () => false,
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
    public async Task Video_work_runs_as_soon_as_it_is_woken_between_ticks()
    {
        var work = new QueuedWork();
        var ticks = new ConcurrentQueue<long>();
        using var clock = new RoomClock("test-wake", MonotonicClock.Now, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5),
            (_, _) => { }, (i, _) => ticks.Enqueue(i), work.TakeOne, static _ => { });
        clock.Begin();
        await Poll.UntilAsync(() => !ticks.IsEmpty, TimeSpan.FromSeconds(10), "the first video tick");

        work.Add(1);
        var woken = MonotonicClock.Now;
        clock.WakeVideo();
        await Poll.UntilAsync(() => work.Done == 1, TimeSpan.FromSeconds(10), "the work runs");

        // Not at the next tick, five seconds later.
        Assert.True(MonotonicClock.Now - woken < TimeSpan.FromSeconds(2), $"the work waited {MonotonicClock.Now - woken}");
        Assert.Single(ticks);
    }

    [Fact]
    public async Task A_due_video_tick_goes_before_queued_work()
    {
        var work = new QueuedWork();
        var ticks = new ConcurrentQueue<long>();
        using (var clock = new RoomClock("test-busy", MonotonicClock.Now, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50),
            (_, _) => { }, (i, _) => ticks.Enqueue(i), work.TakeOne, static _ => { }))
        {
            clock.Begin();
            await Poll.UntilAsync(() => !ticks.IsEmpty, TimeSpan.FromSeconds(10), "the first video tick");

            // Over a second of work queued at once: the ticks still come every 50 ms in between.
            var before = ticks.Count;
            work.Add(200);
            clock.WakeVideo();
            await Poll.UntilAsync(() => work.Done >= 100, TimeSpan.FromSeconds(20), "half the work is done");
            Assert.True(ticks.Count - before >= 5, $"only {ticks.Count - before} ticks during half a second of work");
        }
        Assert.Equal(200, work.Done + work.Left);
    }

    /// <summary>Pieces of about 5 ms each, like decodes.</summary>
    private sealed class QueuedWork
    {
        private int _left;
        private int _done;

        public int Done => Volatile.Read(ref _done);

        public int Left => Volatile.Read(ref _left);

        public void Add(int pieces) => Interlocked.Add(ref _left, pieces);

        public bool TakeOne()
        {
            if (Volatile.Read(ref _left) <= 0)
            {
                return false;
            }
            Thread.Sleep(5);
            Interlocked.Decrement(ref _left);
            Interlocked.Increment(ref _done);
            return true;
        }
    }
}
