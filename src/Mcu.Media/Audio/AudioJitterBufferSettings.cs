namespace Mcu.Media.Audio;

/// <summary>Bounds and adaptation speeds of an <see cref="AudioJitterBuffer"/>.</summary>
public sealed record AudioJitterBufferSettings
{
    /// <summary>The least playout delay the buffer aims for.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The most playout delay the buffer aims for; packets later than this are lost.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How fast the target delay falls once the jitter has calmed down, per second. Growth is
    /// immediate; shrinking slowly keeps a jitter spike every few seconds covered.
    /// </summary>
    public TimeSpan ShrinkPerSecond { get; init; } = TimeSpan.FromMilliseconds(2.5);

    /// <summary>
    /// When the buffer holds more than it needs, it drops a quiet frame to catch up; after this
    /// long without a quiet frame it drops a speech frame instead.
    /// </summary>
    public TimeSpan ForcedShrinkAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A newer packet whose arrival disagrees with its RTP timestamp by more than this is a
    /// timestamp discontinuity (a restarted sender): the buffer starts over from it.
    /// </summary>
    public TimeSpan ResyncThreshold { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Packets the buffer holds at most (slots preallocated).</summary>
    public int Capacity { get; init; } = 32;

    /// <summary>The largest payload accepted, in bytes (slots preallocated).</summary>
    public int MaxPayloadSize { get; init; } = 1_500;

    /// <summary>The RTP clock rate of the stream (Opus: 48000, RFC 7587 section 4.1).</summary>
    public int ClockRate { get; init; } = AudioFormat.SampleRate;

    /// <summary>Checks every value, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (MinDelay < TimeSpan.Zero || MaxDelay < MinDelay || MaxDelay > TimeSpan.FromSeconds(2))
        {
            Invalid($"MinDelay ({MinDelay.TotalMilliseconds} ms) and MaxDelay ({MaxDelay.TotalMilliseconds} ms) must satisfy 0 <= MinDelay <= MaxDelay <= 2 s.");
        }

        if (ShrinkPerSecond <= TimeSpan.Zero || ShrinkPerSecond > TimeSpan.FromSeconds(1))
        {
            Invalid($"ShrinkPerSecond must be above 0 and at most 1 s (was {ShrinkPerSecond.TotalMilliseconds} ms).");
        }

        if (ForcedShrinkAfter <= TimeSpan.Zero)
        {
            Invalid($"ForcedShrinkAfter must be positive (was {ForcedShrinkAfter}).");
        }

        if (ResyncThreshold <= MaxDelay)
        {
            Invalid($"ResyncThreshold ({ResyncThreshold.TotalMilliseconds} ms) must exceed MaxDelay ({MaxDelay.TotalMilliseconds} ms).");
        }

        if (Capacity is < 2 or > 1024)
        {
            Invalid($"Capacity must be between 2 and 1024 packets (was {Capacity}).");
        }

        if (MaxPayloadSize is < 1 or > 65_536)
        {
            Invalid($"MaxPayloadSize must be between 1 and 65536 bytes (was {MaxPayloadSize}).");
        }

        if (ClockRate is < 8_000 or > 192_000 || ClockRate % 400 != 0)
        {
            Invalid($"ClockRate must be a multiple of 400 Hz between 8000 and 192000 (was {ClockRate}).");
        }
    }

    private static void Invalid(string message) => ThrowHelper.ThrowArgument(message, "settings");
}
