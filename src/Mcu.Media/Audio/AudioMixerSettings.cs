namespace Mcu.Media.Audio;

/// <summary>Configuration of an <see cref="AudioMixer"/>.</summary>
public sealed record AudioMixerSettings
{
    /// <summary>
    /// An unmuted input at or above this level (dBov) is mixed; quieter ones (background noise
    /// of idle microphones) are left out, so that only speakers cost a mix-minus encode.
    /// </summary>
    public double AudibleThresholdDbov { get; init; } = -50;

    /// <summary>How long an input stays mixed after falling below the threshold: keeps word endings and pauses between words.</summary>
    public TimeSpan Hangover { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The limiter applied to every output stream.</summary>
    public SoftLimiterSettings Limiter { get; init; } = new();

    /// <summary>Checks every value, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (double.IsNaN(AudibleThresholdDbov) || AudibleThresholdDbov is < AudioLevel.SilenceDbov or > 0)
        {
            ThrowHelper.ThrowArgument($"AudibleThresholdDbov must be between -127 and 0 (was {AudibleThresholdDbov}).", "settings");
        }

        if (Hangover < TimeSpan.Zero || Hangover > TimeSpan.FromSeconds(10))
        {
            ThrowHelper.ThrowArgument($"Hangover must be between 0 and 10 s (was {Hangover.TotalMilliseconds} ms).", "settings");
        }

        ArgumentNullException.ThrowIfNull(Limiter);
        Limiter.Validate();
    }
}
