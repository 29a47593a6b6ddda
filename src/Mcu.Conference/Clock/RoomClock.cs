using Mcu.Primitives;

namespace Mcu.Conference.Clock;

/// <summary>
/// A room's clock: one thread that runs the audio tick every 20 ms and the video tick every
/// 1/fps on absolute schedules. Audio goes first when both are due: it cannot wait, a video
/// frame can. Late ticks are counted (<see cref="TickSchedule.Missed"/>), never burst.
/// </summary>
public sealed class RoomClock : IDisposable
{
    private readonly Action<long, TimeSpan> _audioTick;
    private readonly Action<long, TimeSpan> _videoTick;
    private readonly Action<Exception> _onError;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    /// <param name="start">When tick 0 of both schedules is due (the room's time origin).</param>
    public RoomClock(string name, TimeSpan start, TimeSpan audioPeriod, TimeSpan videoPeriod,
        Action<long, TimeSpan> audioTick, Action<long, TimeSpan> videoTick, Action<Exception> onError)
    {
        _audioTick = audioTick;
        _videoTick = videoTick;
        _onError = onError;
        Start = start;
        Audio = new TickSchedule(Start, audioPeriod);
        Video = new TickSchedule(Start, videoPeriod);
        _thread = new Thread(Run) { Name = name, IsBackground = true, Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Starts ticking once whoever handles the ticks is ready.</summary>
    public void Begin() => _thread.Start();

    /// <summary>When tick 0 of both schedules was due.</summary>
    public TimeSpan Start { get; }

    public TickSchedule Audio { get; }

    public TickSchedule Video { get; }

    public void Dispose()
    {
        _stop.Set();
        if (_thread.IsAlive && Environment.CurrentManagedThreadId != _thread.ManagedThreadId)
        {
            _thread.Join();
        }
        _stop.Dispose();
    }

    private void Run()
    {
        while (!_stop.IsSet)
        {
            var now = MonotonicClock.Now;
            try
            {
                if (Audio.TryTake(now, out var audioIndex))
                {
                    _audioTick(audioIndex, now);
                    continue; // re-read the time: the video tick may no longer be due, or audio may be again
                }
                if (Video.TryTake(now, out var videoIndex))
                {
                    _videoTick(videoIndex, now);
                    continue;
                }
            }
#pragma warning disable CA1031 // A failing tick is reported and the clock goes on: the room must not stall.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _onError(e);
            }
            var next = Audio.NextDue < Video.NextDue ? Audio.NextDue : Video.NextDue;
            var wait = next - MonotonicClock.Now;
            if (wait > TimeSpan.Zero)
            {
                _stop.Wait(wait);
            }
        }
    }
}
