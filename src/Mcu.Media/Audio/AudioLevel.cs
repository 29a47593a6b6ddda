namespace Mcu.Media.Audio;

/// <summary>
/// Audio levels in dBov as RFC 6464 defines them: the RMS level relative to the overload point,
/// where a full-scale square wave is 0 dBov and -127 dBov stands for silence.
/// </summary>
public static class AudioLevel
{
    /// <summary>The level of digital silence (RFC 6464 section 3: 127 -dBov).</summary>
    public const double SilenceDbov = -127;

    private const double FullScale = 32768.0;

    /// <summary>The RMS level of the samples in dBov, -127..0.</summary>
    public static double Dbov(ReadOnlySpan<short> pcm)
    {
        if (pcm.IsEmpty)
        {
            return SilenceDbov;
        }

        long sum = 0;
        foreach (short s in pcm)
        {
            sum += s * s;
        }

        return FromMeanSquare((double)sum / pcm.Length);
    }

    /// <summary>A mean square of 16-bit samples as dBov, -127..0.</summary>
    public static double FromMeanSquare(double meanSquare)
    {
        if (meanSquare <= 0)
        {
            return SilenceDbov;
        }

        double dbov = 10 * Math.Log10(meanSquare / (FullScale * FullScale));
        return Math.Clamp(dbov, SilenceDbov, 0);
    }

    /// <summary>An RFC 6464 header-extension level (0..127, in -dBov) as dBov.</summary>
    public static double FromRfc6464(byte level) => -Math.Min(level, (byte)127);
}
