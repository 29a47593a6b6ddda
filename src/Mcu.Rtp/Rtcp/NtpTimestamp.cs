namespace Mcu.Rtp.Rtcp;

/// <summary>A 64-bit NTP timestamp: seconds since 1900-01-01 UTC in 32.32 fixed point (RFC 3550 section 4).</summary>
public readonly record struct NtpTimestamp(ulong Value)
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    // NTP era 0 starts 1900-01-01; era 1 starts 2036-02-07T06:28:16Z (RFC 5905 section 6).
    private static readonly DateTime Era0 = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Era1 = Era0.AddTicks((1L << 32) * TicksPerSecond);

    public uint Seconds => (uint)(Value >> 32);

    public uint Fraction => (uint)Value;

    /// <summary>The middle 32 bits (16.16 seconds) used for LSR in report blocks and for RTT arithmetic.</summary>
    public uint Middle32 => (uint)(Value >> 16);

    /// <summary>Converts a UTC wall-clock time from 1900 on (passed in by the caller; nothing here reads a clock).</summary>
    public static NtpTimestamp FromDateTime(DateTime utc)
    {
        var sinceEra = utc >= Era1 ? utc - Era1 : utc - Era0;
        var ticks = sinceEra.Ticks;
        var seconds = (ulong)(ticks / TicksPerSecond);
        var fraction = (ulong)(ticks % TicksPerSecond * (1L << 32) / TicksPerSecond);
        return new NtpTimestamp((seconds << 32) | fraction);
    }

    /// <summary>The UTC time, assuming era 0 when the top bit of the seconds is set and era 1 otherwise (RFC 4330 section 3).</summary>
    public DateTime ToDateTime()
    {
        var epoch = (Seconds & 0x8000_0000) != 0 ? Era0 : Era1;
        var fractionTicks = (long)((ulong)Fraction * TicksPerSecond >> 32);
        return epoch.AddTicks((Seconds * TicksPerSecond) + fractionTicks);
    }
}
