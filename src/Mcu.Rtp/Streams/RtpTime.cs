namespace Mcu.Rtp.Streams;

/// <summary>Conversions between durations and RTP clock units without overflowing for long uptimes.</summary>
public static class RtpTime
{
    /// <summary>RTP units in <paramref name="duration"/>, rounded to the nearest (so 1/30 s in ticks is exactly 3000 at 90 kHz).</summary>
    public static long ToUnits(TimeSpan duration, int clockRate)
    {
        var ticks = duration.Ticks;
        var fraction = ticks % TimeSpan.TicksPerSecond * clockRate;
        var half = fraction < 0 ? -TimeSpan.TicksPerSecond / 2 : TimeSpan.TicksPerSecond / 2;
        return (ticks / TimeSpan.TicksPerSecond * clockRate) + ((fraction + half) / TimeSpan.TicksPerSecond);
    }

    public static TimeSpan ToDuration(long units, int clockRate) =>
        TimeSpan.FromTicks((units / clockRate * TimeSpan.TicksPerSecond) + (units % clockRate * TimeSpan.TicksPerSecond / clockRate));
}
