namespace Mcu.Media.Tests.Audio.TestSupport;

/// <summary>Signal measurements for the audio tests.</summary>
internal static class Signal
{
    /// <summary>Power of one frequency (Goertzel algorithm).</summary>
    public static double Goertzel(ReadOnlySpan<short> pcm, int sampleRate, double frequency)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        foreach (short sample in pcm)
        {
            double current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }

    /// <summary>The power of <paramref name="frequency"/> relative to the strongest of <paramref name="references"/>, in dB.</summary>
    public static double RelativeDb(ReadOnlySpan<short> pcm, double frequency, params double[] references)
    {
        double strongest = 0;
        foreach (double reference in references)
        {
            strongest = Math.Max(strongest, Goertzel(pcm, 48_000, reference));
        }

        return 10 * Math.Log10(Math.Max(Goertzel(pcm, 48_000, frequency), 1e-9) / strongest);
    }

    public static int Peak(ReadOnlySpan<short> pcm)
    {
        int peak = 0;
        foreach (short sample in pcm)
        {
            peak = Math.Max(peak, Math.Abs((int)sample));
        }

        return peak;
    }
}
