namespace Mcu.Media.Audio;

/// <summary>Thresholds and timing of an <see cref="ActiveSpeakerDetector"/>.</summary>
public sealed record ActiveSpeakerSettings
{
    /// <summary>The least time a speaker keeps the slot before anyone else may take it.</summary>
    public TimeSpan MinimumHold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How much speech another participant must produce while clearly louder than the speaker
    /// before taking over: a cough or a slammed door is shorter.
    /// </summary>
    public TimeSpan SwitchWindow { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>A challenger's silence longer than this restarts its count towards <see cref="SwitchWindow"/>; shorter pauses are gaps between words.</summary>
    public TimeSpan PauseTolerance { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>"Clearly louder": the smoothed level margin over the current speaker, in dB.</summary>
    public double SwitchMarginDb { get; init; } = 6;

    /// <summary>A smoothed level (dBov) below this is not speech: silence never takes the slot.</summary>
    public double SpeechThresholdDbov { get; init; } = -50;

    /// <summary>Time constant of the level smoothing while the level rises.</summary>
    public TimeSpan Attack { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Time constant while the level falls: bridges the pauses between words.</summary>
    public TimeSpan Release { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Checks every value, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (MinimumHold < TimeSpan.Zero || SwitchWindow < TimeSpan.Zero || PauseTolerance < TimeSpan.Zero)
        {
            Invalid($"MinimumHold ({MinimumHold}), SwitchWindow ({SwitchWindow}) and PauseTolerance ({PauseTolerance}) must not be negative.");
        }

        if (double.IsNaN(SwitchMarginDb) || SwitchMarginDb is < 0 or > 60)
        {
            Invalid($"SwitchMarginDb must be between 0 and 60 dB (was {SwitchMarginDb}).");
        }

        if (double.IsNaN(SpeechThresholdDbov) || SpeechThresholdDbov is < AudioLevel.SilenceDbov or > 0)
        {
            Invalid($"SpeechThresholdDbov must be between -127 and 0 (was {SpeechThresholdDbov}).");
        }

        if (Attack <= TimeSpan.Zero || Release <= TimeSpan.Zero)
        {
            Invalid($"Attack ({Attack}) and Release ({Release}) must be positive.");
        }
    }

    private static void Invalid(string message) => ThrowHelper.ThrowArgument(message, "settings");
}
