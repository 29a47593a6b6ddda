using Mcu.Media.Synthetic;

namespace Mcu.Media.Tests;

public class SyntheticAudioTests
{
    [Fact]
    public void Tone_has_its_frequency_and_amplitude()
    {
        short[] pcm = new short[48_000];

        SyntheticAudio.Tone(pcm, 1, 48_000, 440, 0.5, 0);

        int rising = 0;
        for (int i = 1; i < pcm.Length; i++)
        {
            if (pcm[i - 1] < 0 && pcm[i] >= 0)
            {
                rising++;
            }
        }

        Assert.InRange(rising, 439, 441);
        Assert.InRange(pcm.Max(), 16_380, 16_384);
    }

    [Fact]
    public void Consecutive_calls_continue_the_waveform_and_stereo_channels_match()
    {
        short[] whole = new short[2 * 1000];
        short[] parts = new short[2 * 1000];

        SyntheticAudio.Tone(whole, 2, 48_000, 1000, 0.8, 0);
        SyntheticAudio.Tone(parts.AsSpan(0, 2 * 480), 2, 48_000, 1000, 0.8, 0);
        SyntheticAudio.Tone(parts.AsSpan(2 * 480), 2, 48_000, 1000, 0.8, 480);

        Assert.Equal(whole, parts);
        for (int i = 0; i < whole.Length; i += 2)
        {
            Assert.Equal(whole[i], whole[i + 1]);
        }
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        short[] pcm = new short[3];

        Assert.Throws<ArgumentException>(() => SyntheticAudio.Tone(pcm, 2, 48_000, 440, 0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticAudio.Tone(pcm, 3, 48_000, 440, 0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticAudio.Tone(pcm, 1, 0, 440, 0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticAudio.Tone(pcm, 1, 48_000, 440, 1.5, 0));
    }
}
