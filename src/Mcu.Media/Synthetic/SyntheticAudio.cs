namespace Mcu.Media.Synthetic;

/// <summary>Deterministic test signals for audio codec tests and benchmarks, written without allocating.</summary>
public static class SyntheticAudio
{
    /// <summary>
    /// Writes a sine tone into interleaved 16-bit <paramref name="pcm"/> (the same sample on every
    /// channel), continuing the waveform from per-channel sample <paramref name="startSample"/>.
    /// </summary>
    /// <param name="pcm">Interleaved samples; its length must be a multiple of <paramref name="channels"/>.</param>
    /// <param name="channels">1 or 2.</param>
    /// <param name="sampleRate">Samples per second per channel.</param>
    /// <param name="frequency">Tone frequency in Hz.</param>
    /// <param name="amplitude">Peak level as a fraction of full scale, 0..1.</param>
    /// <param name="startSample">Index of the first sample in the continuous signal.</param>
    public static void Tone(Span<short> pcm, int channels, int sampleRate, double frequency, double amplitude, long startSample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(amplitude, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amplitude, 1.0);
        if (pcm.Length % channels != 0)
        {
            ThrowHelper.ThrowArgument($"The buffer length ({pcm.Length}) is not a multiple of the channel count ({channels}).", nameof(pcm));
        }

        double peak = amplitude * short.MaxValue;
        for (int i = 0; i < pcm.Length / channels; i++)
        {
            // Reduce the phase per sample so long signals keep full precision.
            double cycles = (startSample + i) * frequency / sampleRate;
            double phase = (cycles - Math.Floor(cycles)) * 2 * Math.PI;
            short value = (short)Math.Round(peak * Math.Sin(phase));
            for (int c = 0; c < channels; c++)
            {
                pcm[(i * channels) + c] = value;
            }
        }
    }
}
