namespace Mcu.Conference.Clock;

/// <summary>
/// Spreads the rooms' video ticks over the frame period. A room's tick is one burst of work
/// (compose and encode, several milliseconds); rooms that happen to tick at the same moment
/// queue for the same cores while the rest of the period idles, and the last of them runs late.
/// Each new room's time origin is moved (by less than one period) to the next phase of the
/// golden-ratio sequence, which keeps any number of rooms' phases nearly evenly apart.
/// </summary>
public static class TickPhases
{
    // 1/phi: successive multiples modulo 1 fill the interval as evenly as any sequence can.
    private const double Step = 0.6180339887498949;

    /// <summary>The phase of the <paramref name="serial"/>-th room, as a fraction of the period (0..1).</summary>
    public static double Phase(long serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        var phase = serial * Step;
        return phase - Math.Floor(phase);
    }

    /// <summary>
    /// The earliest time at or after <paramref name="now"/> whose offset in the period (on the
    /// shared monotonic timeline) is the <paramref name="serial"/>-th room's phase.
    /// </summary>
    public static TimeSpan Origin(TimeSpan now, TimeSpan period, long serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var target = (long)(Phase(serial) * period.Ticks);
        var offset = now.Ticks % period.Ticks;
        if (offset < 0)
        {
            offset += period.Ticks;
        }
        var wait = target - offset;
        if (wait < 0)
        {
            wait += period.Ticks;
        }
        return now + TimeSpan.FromTicks(wait);
    }
}
