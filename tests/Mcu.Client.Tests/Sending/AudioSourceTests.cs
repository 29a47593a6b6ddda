using Mcu.Client.Sending;
using Mcu.Media.Native;
using Mcu.Testing.Media;

namespace Mcu.Client.Tests.Sending;

public class AudioSourceTests
{
    [Fact]
    public void A_load_bots_looped_tone_plays_on_without_a_seam()
    {
        using var source = new AudioSource(new MediaBotOptions { ToneHertz = 440, LoopAudio = true });
        using var decoder = new OpusDecoder();
        var pcm = new short[AudioSource.FrameSamples];

        Assert.True(source.IsLooped);
        // Two and a half loops: the seams at frames 50 and 100 must sound like every other frame.
        for (var frame = 0; frame < 125; frame++)
        {
            Assert.True(decoder.TryDecode(source.Next(frame), pcm, out var samples));
            Assert.Equal(AudioSource.FrameSamples, samples);
            if (frame >= 3) // the decoder's start-up
            {
                var level = ToneDetector.AbsoluteLevelDbfs(pcm, 440);
                Assert.InRange(level, -13.5, -7.5); // amplitude 0.3 is -10.5 dBFS
            }
        }
    }

    [Theory]
    [InlineData(false, 440.0)] // not a load bot: encoded live
    [InlineData(true, 440.5)]  // a tone that does not repeat every second
    public void Other_bots_encode_live(bool loop, double hertz)
    {
        using var source = new AudioSource(new MediaBotOptions { ToneHertz = hertz, LoopAudio = loop });
        using var decoder = new OpusDecoder();
        var pcm = new short[AudioSource.FrameSamples];

        Assert.False(source.IsLooped);
        for (var frame = 0; frame < 10; frame++)
        {
            Assert.True(decoder.TryDecode(source.Next(frame), pcm, out _));
        }
        Assert.InRange(ToneDetector.AbsoluteLevelDbfs(pcm, hertz), -13.5, -7.5);
    }

    [Fact]
    public void Silence_loops_as_silence()
    {
        using var source = new AudioSource(new MediaBotOptions { ToneHertz = 0, LoopAudio = true });
        using var decoder = new OpusDecoder();
        var pcm = new short[AudioSource.FrameSamples];

        Assert.True(source.IsLooped);
        for (var frame = 0; frame < 60; frame++)
        {
            Assert.True(decoder.TryDecode(source.Next(frame), pcm, out _));
            Assert.All(pcm, sample => Assert.InRange(sample, (short)-8, (short)8));
        }
    }
}
