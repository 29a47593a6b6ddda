using Mcu.Media.Audio;
using Mcu.Media.Synthetic;
using Mcu.Media.Tests.Audio.TestSupport;

namespace Mcu.Media.Tests.Audio;

public class SoftLimiterTests
{
    private const int Frame = 960;

    [Fact]
    public void Audio_below_the_knee_passes_bit_exact()
    {
        var limiter = new SoftLimiter();
        int[] input = Tone(440, 16_000, 0);
        short[] output = new short[Frame];

        limiter.Process(input, output);

        Assert.Equal(input, output.Select(s => (int)s));
        Assert.Equal(1f, limiter.Gain);
    }

    [Fact]
    public void A_sum_far_above_full_scale_is_scaled_under_the_ceiling_keeping_its_shape()
    {
        var limiter = new SoftLimiter();
        short[] output = new short[Frame];
        int[] input = [];
        for (int frame = 0; frame < 20; frame++)
        {
            input = Tone(440, 200_000, frame);
            limiter.Process(input, output);

            Assert.InRange(Signal.Peak(output), 1, 32_000);
        }

        Assert.True(Correlation(input, output) > 0.999, $"correlation {Correlation(input, output)}");
        Assert.Equal(0, limiter.ClampedSamples);
    }

    [Fact]
    public void The_gain_comes_back_after_a_loud_passage()
    {
        var limiter = new SoftLimiter();
        short[] output = new short[Frame];
        for (int frame = 0; frame < 10; frame++)
        {
            limiter.Process(Tone(440, 100_000, frame), output);
        }

        float limited = limiter.Gain;
        for (int frame = 10; frame < 60; frame++)
        {
            limiter.Process(Tone(440, 10_000, frame), output);
        }

        Assert.InRange(limited, 0.2f, 0.4f);
        Assert.InRange(limiter.Gain, 0.99f, 1f);
    }

    [Fact]
    public void A_loud_onset_within_a_frame_is_caught_before_its_peak()
    {
        var limiter = new SoftLimiter();
        int[] input = new int[Frame];
        Tone(440, 5_000, 0).CopyTo(input, 0);
        Tone(440, 300_000, 0).AsSpan(480).CopyTo(input.AsSpan(480));
        short[] output = new short[Frame];

        limiter.Process(input, output);

        Assert.InRange(Signal.Peak(output), 20_000, 32_000);
        Assert.Equal(input[..400], output[..400].Select(s => (int)s));
    }

    [Fact]
    public void Extreme_values_neither_wrap_nor_clamp()
    {
        var limiter = new SoftLimiter();
        int[] input = new int[Frame];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = i % 3 == 0 ? int.MaxValue : i % 3 == 1 ? int.MinValue : -1_000_000;
        }

        short[] output = new short[Frame];
        limiter.Process(input, output);

        for (int i = 0; i < input.Length; i++)
        {
            Assert.Equal(Math.Sign(input[i]), Math.Sign(output[i]));
        }

        Assert.Equal(0, limiter.ClampedSamples);
    }

    [Fact]
    public void Mismatched_lengths_and_bad_settings_are_refused()
    {
        var limiter = new SoftLimiter();

        Assert.Throws<ArgumentException>(() => limiter.Process(new int[960], new short[959]));
        Assert.Throws<ArgumentException>(() => new SoftLimiter(new SoftLimiterSettings { Knee = 30_000, Ceiling = 20_000 }));
        Assert.Throws<ArgumentException>(() => new SoftLimiter(new SoftLimiterSettings { Ceiling = 40_000 }));
        Assert.Throws<ArgumentException>(() => new SoftLimiter(new SoftLimiterSettings { Release = TimeSpan.Zero }));
    }

    private static int[] Tone(double frequency, int amplitude, int frame)
    {
        short[] unit = new short[Frame];
        SyntheticAudio.Tone(unit, 1, 48_000, frequency, 1.0, (long)frame * Frame);
        return [.. unit.Select(s => (int)Math.Round(s / 32767.0 * amplitude))];
    }

    private static double Correlation(int[] a, short[] b)
    {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return ab / Math.Sqrt(aa * bb);
    }
}
