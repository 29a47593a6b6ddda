using Mcu.Primitives;

namespace Mcu.Conference.Clock;

/// <summary>
/// A room's clock: the audio tick every 20 ms and the video tick every 1/fps, each on its own
/// thread and absolute schedule from one time origin, so that a slow video encode never delays
/// the audio. Late ticks are counted (<see cref="TickSchedule.Missed"/>), never burst.
/// </summary>
public sealed class RoomClock : IDisposable
{
    // No spinning before a wait: the clock knows it has a whole period to sleep.
    private readonly ManualResetEventSlim _stop = new(initialState: false, spinCount: 0);
    private readonly Thread _audioThread;
    private readonly Thread _videoThread;

    /// <param name="start">When tick 0 of both schedules is due (the room's time origin).</param>
    public RoomClock(string name, TimeSpan start, TimeSpan audioPeriod, TimeSpan videoPeriod,
        Action<long, TimeSpan> audioTick, Action<long, TimeSpan> videoTick, Action<Exception> onError)
    {
        Start = start;
        Audio = new TickSchedule(start, audioPeriod);
        Video = new TickSchedule(start, videoPeriod);
        // Audio runs at a higher priority when the process may raise it: a late audio frame is
        // heard, a late video frame is hardly seen.
        _audioThread = ClockThread(name + "-audio", AudioNice, raised => AudioPriorityRaised = raised, Audio, audioTick, onError);
        // Video runs above the decoder and network threads: a video tick has one frame period of
        // slack before it is skipped, a member's decode queue half a second.
        _videoThread = ClockThread(name + "-video", VideoNice, raised => VideoPriorityRaised = raised, Video, videoTick, onError);
    }

    /// <summary>The audio thread's nice value, when the process is allowed to set it.</summary>
    public const int AudioNice = -10;

    /// <summary>The video thread's nice value, when the process is allowed to set it.</summary>
    public const int VideoNice = -5;

    /// <summary>Whether the audio thread got its higher priority (root or CAP_SYS_NICE).</summary>
    public bool AudioPriorityRaised { get; private set; }

    /// <summary>Whether the video thread got its higher priority (root or CAP_SYS_NICE).</summary>
    public bool VideoPriorityRaised { get; private set; }

    /// <summary>When tick 0 of both schedules was due.</summary>
    public TimeSpan Start { get; }

    public TickSchedule Audio { get; }

    public TickSchedule Video { get; }

    /// <summary>Starts ticking once whoever handles the ticks is ready.</summary>
    public void Begin()
    {
        _audioThread.Start();
        _videoThread.Start();
    }

    public void Dispose()
    {
        _stop.Set();
        foreach (var thread in new[] { _audioThread, _videoThread })
        {
            if (thread.IsAlive && Environment.CurrentManagedThreadId != thread.ManagedThreadId)
            {
                thread.Join();
            }
        }
        _stop.Dispose();
    }

    /// <summary>A thread that takes <paramref name="nice"/> if it may (reporting whether it did), then runs the schedule.</summary>
    private Thread ClockThread(string name, int nice, Action<bool> priorityRaised, TickSchedule schedule,
        Action<long, TimeSpan> tick, Action<Exception> onError) =>
        new(() =>
        {
            priorityRaised(ThreadScheduling.TrySetCurrentThreadNice(nice));
            Run(schedule, tick, onError);
        })
        { Name = name, IsBackground = true };

    private void Run(TickSchedule schedule, Action<long, TimeSpan> tick, Action<Exception> onError)
    {
        while (!_stop.IsSet)
        {
            var now = MonotonicClock.Now;
            if (schedule.TryTake(now, out var index))
            {
                try
                {
                    tick(index, now);
                }
#pragma warning disable CA1031 // A failing tick is reported and the clock goes on: the room must not stall.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    onError(e);
                }
                continue;
            }
            var wait = schedule.NextDue - MonotonicClock.Now;
            if (wait > TimeSpan.Zero)
            {
                // Wait(TimeSpan) truncates to whole milliseconds: round up, or the last fraction of a
                // millisecond before every tick is spent spinning on the clock.
                _stop.Wait((int)Math.Ceiling(wait.TotalMilliseconds));
            }
        }
    }
}
