namespace Mcu.Recording;

/// <summary>
/// Maps the room clock to a recording's millisecond timeline. Video pts (90 kHz) and audio
/// sample indexes (48 kHz) count from the same room origin, so both are converted through their
/// least common multiple, 720 kHz, against one recording origin: the first keyframe. The tracks
/// cannot drift apart because neither is timed by anything but the room clock.
/// </summary>
internal struct RecordingTimeline
{
    private const long UnitsPerSecond = 720_000;
    private const long UnitsPerMillisecond = UnitsPerSecond / 1000;
    private const long UnitsPerVideoTick = UnitsPerSecond / 90_000;
    private const long UnitsPerAudioSample = UnitsPerSecond / 48_000;

    private readonly long _framePeriodTicks;
    private long _origin;

    /// <param name="framePeriod">
    /// The room clock's video period (zero: take pts as they come). Audio is stamped with its
    /// tick's scheduled time, but a composite's pts is the moment its tick ran, late by up to a
    /// period; stamping video with its tick's scheduled time too puts both tracks on the same
    /// grid and keeps two frames from landing in one frame slot of a player.
    /// </param>
    public RecordingTimeline(TimeSpan framePeriod)
    {
        _framePeriodTicks = framePeriod.Ticks;
        _origin = 0;
        HasOrigin = false;
    }

    public bool HasOrigin { get; private set; }

    /// <summary>Makes the frame at <paramref name="pts90k"/> time zero of the recording.</summary>
    public void Start(long pts90k)
    {
        _origin = VideoUnits(pts90k);
        HasOrigin = true;
    }

    public readonly long VideoMilliseconds(long pts90k) => ToMilliseconds(VideoUnits(pts90k) - _origin);

    public readonly long AudioMilliseconds(long sampleIndex) => ToMilliseconds((sampleIndex * UnitsPerAudioSample) - _origin);

    /// <summary>Milliseconds a number of 48 kHz samples lasts, rounded.</summary>
    public static long SamplesToMilliseconds(int samples) => ToMilliseconds(samples * UnitsPerAudioSample);

    private readonly long VideoUnits(long pts90k)
    {
        if (_framePeriodTicks <= 0)
        {
            return pts90k * UnitsPerVideoTick;
        }
        // The room clock runs video tick n at or after start + n * period (whole 100 ns ticks),
        // and pts is that moment rounded to 1/90000 s: the tick is the last one due by the upper
        // end of the rounding, (pts + 1/2) / 90000 s = (2 pts + 1) * 500 / 9 ticks.
        var latest = (((2 * pts90k) + 1) * 500 / 9) / _framePeriodTicks;
        var scheduledTicks = latest * _framePeriodTicks;
        return ((scheduledTicks * 9) + 62) / 125; // 100 ns ticks to 720 kHz units, rounded
    }

    // To the nearest millisecond, halves away from zero: symmetric around the origin.
    private static long ToMilliseconds(long units) => units >= 0
        ? (units + (UnitsPerMillisecond / 2)) / UnitsPerMillisecond
        : -((-units + (UnitsPerMillisecond / 2)) / UnitsPerMillisecond);
}
