namespace Mcu.Testing.Media;

/// <summary>How strongly a tone is present in PCM (Goertzel), to prove who is heard.</summary>
public static class ToneDetector
{
    /// <summary>Power of <paramref name="hertz"/> relative to the signal's total power, in dB (0 = all of it).</summary>
    public static double RelativeLevelDb(ReadOnlySpan<short> pcm, double hertz, int sampleRate = 48_000)
    {
        if (pcm.IsEmpty)
        {
            return double.NegativeInfinity;
        }
        var coefficient = 2 * Math.Cos(2 * Math.PI * hertz / sampleRate);
        double s1 = 0, s2 = 0, total = 0;
        foreach (var sample in pcm)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
            total += (double)sample * sample;
        }
        var tonePower = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        // A pure tone of amplitude A over N samples gives tonePower = (A N / 2)^2 and total = A^2 N / 2.
        var normalised = 2 * tonePower / (pcm.Length * total);
        return total == 0 ? double.NegativeInfinity : 10 * Math.Log10(Math.Max(normalised, 1e-12));
    }

    /// <summary>Amplitude of <paramref name="hertz"/> in dB relative to full scale (a full-scale sine is 0 dBFS).</summary>
    public static double AbsoluteLevelDbfs(ReadOnlySpan<short> pcm, double hertz, int sampleRate = 48_000)
    {
        if (pcm.IsEmpty)
        {
            return double.NegativeInfinity;
        }
        var coefficient = 2 * Math.Cos(2 * Math.PI * hertz / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var sample in pcm)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }
        var tonePower = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        var amplitude = 2 * Math.Sqrt(Math.Max(tonePower, 0)) / pcm.Length;
        return 20 * Math.Log10(Math.Max(amplitude, 1e-9) / short.MaxValue);
    }
}
