namespace Mcu.Rtp.Rtcp;

/// <summary>Durations in the 16.16 "middle 32 bits" NTP format used by DLSR (RFC 3550 section 6.4.1).</summary>
public static class CompactNtp
{
    private const long UnitsPerSecond = 65536;

    /// <summary>Converts a duration, saturating at the largest representable value (about 18 hours).</summary>
    public static uint FromTimeSpan(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }
        var units = duration.Ticks / TimeSpan.TicksPerSecond * UnitsPerSecond +
                    (duration.Ticks % TimeSpan.TicksPerSecond * UnitsPerSecond / TimeSpan.TicksPerSecond);
        return units >= uint.MaxValue ? uint.MaxValue : (uint)units;
    }

    public static TimeSpan ToTimeSpan(uint compact) =>
        TimeSpan.FromTicks(compact / UnitsPerSecond * TimeSpan.TicksPerSecond +
                           (compact % UnitsPerSecond * TimeSpan.TicksPerSecond / UnitsPerSecond));
}
