namespace Mcu.Media.Audio;

/// <summary>Configuration of an <see cref="AudioReceiver"/>.</summary>
public sealed record AudioReceiverSettings
{
    /// <summary>The jitter buffer's bounds and adaptation.</summary>
    public AudioJitterBufferSettings JitterBuffer { get; init; } = new();

    /// <summary>
    /// The longest run of loss concealment before the output turns to silence: beyond this,
    /// extrapolated speech sounds worse than a gap.
    /// </summary>
    public TimeSpan MaxConcealment { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Checks every value, naming the first bad one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(JitterBuffer);
        JitterBuffer.Validate();
        if (JitterBuffer.ClockRate != AudioFormat.SampleRate)
        {
            ThrowHelper.ThrowArgument($"The receiver decodes 48 kHz audio; the jitter buffer's ClockRate must be 48000 (was {JitterBuffer.ClockRate}).", "settings");
        }

        if (MaxConcealment < TimeSpan.Zero || MaxConcealment > TimeSpan.FromSeconds(1))
        {
            ThrowHelper.ThrowArgument($"MaxConcealment must be between 0 and 1 s (was {MaxConcealment.TotalMilliseconds} ms).", "settings");
        }
    }
}
