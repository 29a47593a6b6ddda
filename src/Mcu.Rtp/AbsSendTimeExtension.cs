namespace Mcu.Rtp;

/// <summary>
/// The abs-send-time header extension: send time in seconds as 24-bit 6.18 fixed point, wrapping every
/// 64 s, so any monotonic clock epoch works.
/// </summary>
public static class AbsSendTimeExtension
{
    public const int Size = 3;

    private const long FractionUnitsPerSecond = 1 << 18;
    private const long CycleSeconds = 64;

    public static bool TryRead(ReadOnlySpan<byte> value, out uint sendTime)
    {
        if (value.Length < Size)
        {
            sendTime = 0;
            return false;
        }
        sendTime = ((uint)value[0] << 16) | ((uint)value[1] << 8) | value[2];
        return true;
    }

    public static bool TryWrite(Span<byte> destination, uint sendTime)
    {
        if (destination.Length < Size)
        {
            return false;
        }
        destination[0] = (byte)(sendTime >> 16);
        destination[1] = (byte)(sendTime >> 8);
        destination[2] = (byte)sendTime;
        return true;
    }

    /// <summary>The 24-bit value for a time; only its position within the 64 s cycle is kept.</summary>
    public static uint FromTime(TimeSpan time)
    {
        // Reduce to the cycle first so the multiplication cannot overflow for long uptimes.
        var ticksInCycle = time.Ticks % (CycleSeconds * TimeSpan.TicksPerSecond);
        if (ticksInCycle < 0)
        {
            ticksInCycle += CycleSeconds * TimeSpan.TicksPerSecond;
        }
        return (uint)(ticksInCycle * FractionUnitsPerSecond / TimeSpan.TicksPerSecond) & 0xFFFFFF;
    }

    /// <summary>The time within the 64 s cycle that a 24-bit value denotes.</summary>
    public static TimeSpan ToTime(uint sendTime) =>
        TimeSpan.FromTicks((long)(sendTime & 0xFFFFFF) * TimeSpan.TicksPerSecond / FractionUnitsPerSecond);
}
