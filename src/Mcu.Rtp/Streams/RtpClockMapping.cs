namespace Mcu.Rtp.Streams;

/// <summary>
/// A monotonic instant paired with a stream's RTP timestamp at that instant, so that any other instant maps to
/// its RTP timestamp: rtp = <see cref="RtpTimestamp"/> + (now - <see cref="ReferenceTime"/>) * clock rate.
/// </summary>
/// <remarks>
/// RFC 3550 section 6.4.1: an SR's RTP timestamp "corresponds to the same time as the NTP timestamp". Browsers
/// lip-sync audio and video by these pairs, so both streams of a room take their mapping from the same room
/// clock instant and every SR is built from one (now, utcNow) reading.
/// </remarks>
public readonly record struct RtpClockMapping
{
    public RtpClockMapping(TimeSpan referenceTime, uint rtpTimestamp, int clockRate)
    {
        if (clockRate <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(clockRate));
        }
        ReferenceTime = referenceTime;
        RtpTimestamp = rtpTimestamp;
        ClockRate = clockRate;
    }

    /// <summary>The monotonic instant at which the stream's clock read <see cref="RtpTimestamp"/>.</summary>
    public TimeSpan ReferenceTime { get; }

    public uint RtpTimestamp { get; }

    /// <summary>RTP clock units per second (48000 for Opus, 90000 for video).</summary>
    public int ClockRate { get; }

    /// <summary>The RTP timestamp of <paramref name="now"/> (earlier instants map backwards; the result wraps modulo 2^32).</summary>
    public uint GetRtpTimestamp(TimeSpan now) => unchecked(RtpTimestamp + (uint)RtpTime.ToUnits(now - ReferenceTime, ClockRate));

    /// <summary>The instant an RTP timestamp within half the 32-bit range of the reference corresponds to.</summary>
    public TimeSpan GetTime(uint rtpTimestamp) => ReferenceTime + RtpTime.ToDuration(SerialNumber.Difference(rtpTimestamp, RtpTimestamp), ClockRate);

    /// <summary>The same clock seen through a timestamp rewrite of +<paramref name="offset"/> (a receiver's binding).</summary>
    public RtpClockMapping WithOffset(uint offset) => new(ReferenceTime, unchecked(RtpTimestamp + offset), ClockRate);
}
