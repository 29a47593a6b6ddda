using Mcu.Media.Audio;
using Mcu.Media.Synthetic;

namespace Mcu.Media.Tests.Audio;

public class AudioLevelTests
{
    [Fact]
    public void A_full_scale_square_wave_is_0_dBov_and_a_full_scale_sine_about_minus_3()
    {
        short[] square = new short[960];
        for (int i = 0; i < square.Length; i++)
        {
            square[i] = (i / 24) % 2 == 0 ? short.MaxValue : short.MinValue;
        }

        short[] sine = new short[960];
        SyntheticAudio.Tone(sine, 1, 48_000, 1_000, 1.0, 0);

        Assert.InRange(AudioLevel.Dbov(square), -0.01, 0);
        Assert.InRange(AudioLevel.Dbov(sine), -3.05, -2.98);
    }

    [Fact]
    public void Silence_and_nothing_are_minus_127_dBov()
    {
        Assert.Equal(AudioLevel.SilenceDbov, AudioLevel.Dbov(new short[960]));
        Assert.Equal(AudioLevel.SilenceDbov, AudioLevel.Dbov([]));
        Assert.Equal(AudioLevel.SilenceDbov, AudioLevel.FromMeanSquare(0));
        Assert.Equal(AudioLevel.SilenceDbov, AudioLevel.FromMeanSquare(1e-20));
    }

    [Fact]
    public void Each_halving_of_the_amplitude_is_6_dB()
    {
        short[] pcm = new short[960];
        SyntheticAudio.Tone(pcm, 1, 48_000, 1_000, 0.5, 0);
        double half = AudioLevel.Dbov(pcm);
        SyntheticAudio.Tone(pcm, 1, 48_000, 1_000, 0.25, 0);

        Assert.InRange(half - AudioLevel.Dbov(pcm), 6.0, 6.04);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, -30)]
    [InlineData(127, -127)]
    public void RFC_6464_levels_are_minus_dBov(byte level, double dbov)
    {
        Assert.Equal(dbov, AudioLevel.FromRfc6464(level));
    }
}
