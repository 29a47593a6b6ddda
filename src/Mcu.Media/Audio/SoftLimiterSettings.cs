namespace Mcu.Media.Audio;

/// <summary>The curve and timing of a <see cref="SoftLimiter"/>.</summary>
public sealed record SoftLimiterSettings
{
    /// <summary>Peaks up to this magnitude pass unchanged; above it the curve bends smoothly (default -6 dBFS).</summary>
    public int Knee { get; init; } = 16_384;

    /// <summary>The magnitude the curve approaches and never exceeds (default about -0.2 dBFS).</summary>
    public int Ceiling { get; init; } = 32_000;

    /// <summary>How fast the gain recovers after a loud passage (time constant).</summary>
    public TimeSpan Release { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Checks every value, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Knee < 1 || Ceiling <= Knee || Ceiling > short.MaxValue)
        {
            ThrowHelper.ThrowArgument($"Knee ({Knee}) and Ceiling ({Ceiling}) must satisfy 0 < Knee < Ceiling <= 32767.", "settings");
        }

        if (Release <= TimeSpan.Zero || Release > TimeSpan.FromSeconds(10))
        {
            ThrowHelper.ThrowArgument($"Release must be above 0 and at most 10 s (was {Release.TotalMilliseconds} ms).", "settings");
        }
    }
}
