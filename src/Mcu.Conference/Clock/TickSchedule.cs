namespace Mcu.Conference.Clock;

/// <summary>
/// A fixed-period schedule on an absolute timeline: tick n is due at start + n * period, so
/// ticks never drift. A tick that comes too late to be useful is skipped and counted, never
/// run in a burst to catch up (a late audio frame is concealed; a late video frame is dropped).
/// </summary>
public sealed class TickSchedule
{
    private readonly TimeSpan _start;

    public TickSchedule(TimeSpan start, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _start = start;
        Period = period;
    }

    public TimeSpan Period { get; }

    /// <summary>Index of the next tick to run.</summary>
    public long NextIndex { get; private set; }

    /// <summary>When the next tick is due.</summary>
    public TimeSpan NextDue => _start + (Period * NextIndex);

    /// <summary>Ticks skipped because the clock was too late for them.</summary>
    public long Missed { get; private set; }

    /// <summary>
    /// If a tick is due at <paramref name="now"/>, takes it (returns true with its index). When
    /// more than one period late, the skipped ticks are counted and only the latest runs.
    /// </summary>
    public bool TryTake(TimeSpan now, out long index)
    {
        if (now < NextDue)
        {
            index = -1;
            return false;
        }
        var latest = (now - _start).Ticks / Period.Ticks;
        if (latest > NextIndex)
        {
            Missed += latest - NextIndex;
            NextIndex = latest;
        }
        index = NextIndex++;
        return true;
    }
}
