namespace Mcu.Media.Native.Tests.TestSupport;

/// <summary>Signal measurements for audio codec tests.</summary>
internal static class AudioAnalysis
{
    /// <summary>Power of one frequency in channel <paramref name="channel"/> (Goertzel algorithm).</summary>
    public static double Goertzel(ReadOnlySpan<short> pcm, int channels, int channel, int sampleRate, double frequency)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = channel; i < pcm.Length; i += channels)
        {
            double current = pcm[i] + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        return (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
    }

    /// <summary>The frequency with the most power among <paramref name="from"/>..<paramref name="to"/> Hz in 1 Hz steps.</summary>
    public static int PeakFrequency(ReadOnlySpan<short> pcm, int channels, int channel, int sampleRate, int from, int to)
    {
        int best = from;
        double bestPower = double.MinValue;
        for (int f = from; f <= to; f++)
        {
            double power = Goertzel(pcm, channels, channel, sampleRate, f);
            if (power > bestPower)
            {
                bestPower = power;
                best = f;
            }
        }

        return best;
    }

    /// <summary>Root mean square level of the samples.</summary>
    public static double Rms(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (short s in pcm)
        {
            sum += (double)s * s;
        }

        return pcm.IsEmpty ? 0 : Math.Sqrt(sum / pcm.Length);
    }

    /// <summary>Normalised cross-correlation at zero lag, -1..1.</summary>
    public static double Correlation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        Assert.Equal(a.Length, b.Length);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return aa == 0 || bb == 0 ? 0 : ab / Math.Sqrt(aa * bb);
    }
}
