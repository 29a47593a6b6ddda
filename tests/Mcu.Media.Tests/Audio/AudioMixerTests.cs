using Mcu.Media.Audio;
using Mcu.Media.Synthetic;
using Mcu.Media.Tests.Audio.TestSupport;

namespace Mcu.Media.Tests.Audio;

public class AudioMixerTests
{
    private const int Frame = 960;

    // Whole numbers of cycles in 20 ms, so that Goertzel over one frame sees clean tones.
    private static readonly double[] Tones = [400, 650, 900];

    [Fact]
    public void Each_participant_hears_the_others_but_not_itself()
    {
        var mixer = new AudioMixer();
        AudioMixerInput[] inputs = [mixer.AddInput(), mixer.AddInput(), mixer.AddInput()];

        for (int tick = 0; tick < 10; tick++)
        {
            SubmitTones(inputs, tick, 0.3);
            mixer.Mix();
        }

        Assert.Equal(3, mixer.MixedCount);
        for (int own = 0; own < 3; own++)
        {
            Assert.True(inputs[own].HasOwnMix);
            ReadOnlySpan<short> heard = inputs[own].Output;
            double[] others = [.. Tones.Where((_, i) => i != own)];
            foreach (double other in others)
            {
                Assert.InRange(Signal.RelativeDb(heard, other, others), -1, 0.01);
            }

            double ownDb = Signal.RelativeDb(heard, Tones[own], others);
            Assert.True(ownDb < -40, $"participant {own} hears itself at {ownDb:F1} dB");
        }

        foreach (double tone in Tones)
        {
            Assert.InRange(Signal.RelativeDb(mixer.SharedMix, tone, Tones), -1, 0.01);
        }
    }

    [Fact]
    public void Sixteen_full_scale_speakers_never_wrap_or_clip_and_stay_waveforms()
    {
        var mixer = new AudioMixer();
        var inputs = new AudioMixerInput[16];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = mixer.AddInput();
        }

        short[] pcm = new short[Frame];
        int[] sum = new int[Frame];
        for (int tick = 0; tick < 50; tick++)
        {
            Array.Clear(sum);
            for (int i = 0; i < inputs.Length; i++)
            {
                SyntheticAudio.Tone(pcm, 1, 48_000, 200 + (i * 50), 1.0, (long)tick * Frame);
                inputs[i].Submit(pcm);
                for (int s = 0; s < Frame; s++)
                {
                    sum[s] += pcm[s];
                }
            }

            mixer.Mix();

            AssertNoWrap(sum, mixer.SharedMix);
            Assert.InRange(Signal.Peak(mixer.SharedMix), 8_000, 32_000);
            Assert.True(NearPeakFraction(mixer.SharedMix) < 0.2, "the shared mix is flattened against the rails");
            ReadOnlySpan<short> firstHears = inputs[0].Output;
            Assert.InRange(Signal.Peak(firstHears), 8_000, 32_000);
            Assert.True(NearPeakFraction(firstHears) < 0.2, "a mix-minus is flattened against the rails");
        }

        Assert.Equal(0, mixer.ClampedSamples);
        Assert.Equal(16, mixer.MixedCount);
        Assert.True(Signal.RelativeDb(inputs[0].Output, 250, 250, 300, 350) > -3, "the other speakers are still heard");
    }

    [Fact]
    public void A_single_speaker_below_the_knee_reaches_the_others_unchanged()
    {
        var mixer = new AudioMixer();
        AudioMixerInput speaker = mixer.AddInput();
        AudioMixerInput listener = mixer.AddInput();
        short[] pcm = new short[Frame];
        SyntheticAudio.Tone(pcm, 1, 48_000, 440, 0.4, 0);

        speaker.Submit(pcm);
        listener.Submit(new short[Frame]);
        mixer.Mix();

        Assert.Equal(pcm, listener.Output.ToArray());
        Assert.Equal(pcm, mixer.SharedMix.ToArray());
        Assert.All(speaker.Output.ToArray(), s => Assert.Equal(0, s));
        Assert.True(speaker.HasOwnMix);
        Assert.False(listener.HasOwnMix);
    }

    [Fact]
    public void A_muted_participant_contributes_nothing_but_still_hears_the_room()
    {
        var mixer = new AudioMixer();
        AudioMixerInput[] inputs = [mixer.AddInput(), mixer.AddInput(), mixer.AddInput()];
        inputs[1].Muted = true;

        for (int tick = 0; tick < 5; tick++)
        {
            SubmitTones(inputs, tick, 0.3);
            mixer.Mix();
        }

        Assert.False(inputs[1].HasOwnMix);
        Assert.Equal(2, mixer.MixedCount);
        Assert.True(Signal.RelativeDb(inputs[0].Output, Tones[1], Tones[2]) < -60);
        Assert.True(Signal.RelativeDb(inputs[2].Output, Tones[1], Tones[0]) < -60);
        Assert.True(Signal.RelativeDb(mixer.SharedMix, Tones[1], Tones[0], Tones[2]) < -60);
        Assert.InRange(Signal.RelativeDb(inputs[1].Output, Tones[0], Tones[0], Tones[2]), -1, 0.01);
        Assert.InRange(Signal.RelativeDb(inputs[1].Output, Tones[2], Tones[0], Tones[2]), -1, 0.01);
    }

    [Fact]
    public void Muting_takes_a_speaker_out_of_the_mix_at_once()
    {
        var mixer = new AudioMixer();
        AudioMixerInput[] inputs = [mixer.AddInput(), mixer.AddInput(), mixer.AddInput()];
        SubmitTones(inputs, 0, 0.3);
        mixer.Mix();

        inputs[0].Muted = true;
        SubmitTones(inputs, 1, 0.3);
        mixer.Mix();

        Assert.False(inputs[0].HasOwnMix);
        Assert.True(Signal.RelativeDb(inputs[1].Output, Tones[0], Tones[2]) < -60);
    }

    [Fact]
    public void A_participant_without_a_frame_counts_as_silent_and_hears_the_others()
    {
        var mixer = new AudioMixer();
        AudioMixerInput[] inputs = [mixer.AddInput(), mixer.AddInput(), mixer.AddInput()];
        short[] pcm = new short[Frame];
        for (int tick = 0; tick < 30; tick++)
        {
            SyntheticAudio.Tone(pcm, 1, 48_000, Tones[0], 0.3, (long)tick * Frame);
            inputs[0].Submit(pcm);
            if (tick < 5)
            {
                SyntheticAudio.Tone(pcm, 1, 48_000, Tones[1], 0.3, (long)tick * Frame);
                inputs[1].Submit(pcm);
            }

            mixer.Mix();
        }

        Assert.False(inputs[1].HasOwnMix);
        Assert.False(inputs[2].HasOwnMix);
        Assert.Equal(AudioLevel.SilenceDbov, inputs[2].LevelDbov);
        Assert.Equal(mixer.SharedMix.ToArray(), inputs[2].Output.ToArray());
        Assert.InRange(Signal.RelativeDb(inputs[1].Output, Tones[0], Tones[0]), -0.01, 0.01);
        Assert.All(inputs[0].Output.ToArray(), s => Assert.Equal(0, s));
    }

    [Fact]
    public void Quiet_microphones_share_the_common_mix_and_add_no_noise()
    {
        var mixer = new AudioMixer();
        AudioMixerInput speaker = mixer.AddInput();
        var quiet = new AudioMixerInput[5];
        for (int i = 0; i < quiet.Length; i++)
        {
            quiet[i] = mixer.AddInput();
        }

        short[] pcm = new short[Frame];
        short[] noise = new short[Frame];
        var random = new Random(3);
        for (int tick = 0; tick < 10; tick++)
        {
            SyntheticAudio.Tone(pcm, 1, 48_000, 440, 0.3, (long)tick * Frame);
            speaker.Submit(pcm);
            foreach (AudioMixerInput input in quiet)
            {
                for (int s = 0; s < Frame; s++)
                {
                    noise[s] = (short)random.Next(-60, 61); // about -58 dBov
                }

                input.Submit(noise);
            }

            mixer.Mix();
        }

        Assert.Equal(1, mixer.MixedCount);
        Assert.All(quiet, input => Assert.False(input.HasOwnMix));
        Assert.Equal(pcm, mixer.SharedMix.ToArray());
    }

    [Fact]
    public void A_speaker_stays_in_the_mix_through_the_hangover_then_shares()
    {
        var mixer = new AudioMixer();
        AudioMixerInput speaker = mixer.AddInput();
        mixer.AddInput();
        short[] pcm = new short[Frame];
        SyntheticAudio.Tone(pcm, 1, 48_000, 440, 0.3, 0);
        speaker.Submit(pcm);
        mixer.Mix();

        var mixed = new List<bool>();
        for (int tick = 0; tick < 25; tick++)
        {
            speaker.Submit(new short[Frame]);
            mixer.Mix();
            mixed.Add(speaker.HasOwnMix);
        }

        Assert.Equal(20, mixed.Count(m => m));
        Assert.All(mixed.Take(20), Assert.True);
        Assert.All(mixed.Skip(20), Assert.False);
    }

    [Fact]
    public void Removed_inputs_leave_the_mix()
    {
        var mixer = new AudioMixer();
        AudioMixerInput[] inputs = [mixer.AddInput(), mixer.AddInput(), mixer.AddInput()];

        Assert.True(mixer.RemoveInput(inputs[1]));
        Assert.False(mixer.RemoveInput(inputs[1]));
        SubmitTones(inputs, 0, 0.3);
        mixer.Mix();

        Assert.Equal(2, mixer.Inputs.Count);
        Assert.True(Signal.RelativeDb(mixer.SharedMix, Tones[1], Tones[0], Tones[2]) < -60);
    }

    [Fact]
    public void Frames_of_the_wrong_length_and_bad_settings_are_refused()
    {
        var mixer = new AudioMixer();
        AudioMixerInput input = mixer.AddInput();

        Assert.Throws<ArgumentException>(() => input.Submit(new short[480]));
        Assert.Throws<ArgumentException>(() => new AudioMixer(new AudioMixerSettings { AudibleThresholdDbov = 3 }));
        Assert.Throws<ArgumentException>(() => new AudioMixer(new AudioMixerSettings { Hangover = TimeSpan.FromSeconds(-1) }));
    }

    private static void SubmitTones(AudioMixerInput[] inputs, int tick, double amplitude)
    {
        short[] pcm = new short[Frame];
        for (int i = 0; i < inputs.Length; i++)
        {
            SyntheticAudio.Tone(pcm, 1, 48_000, Tones[i], amplitude, (long)tick * Frame);
            inputs[i].Submit(pcm);
        }
    }

    /// <summary>Where the true sum is clearly positive or negative, the output has the same sign.</summary>
    private static void AssertNoWrap(int[] sum, ReadOnlySpan<short> output)
    {
        for (int i = 0; i < sum.Length; i++)
        {
            if (Math.Abs(sum[i]) > 1_000)
            {
                Assert.Equal(Math.Sign(sum[i]), Math.Sign(output[i]));
            }
        }
    }

    /// <summary>The share of samples within 5 % of the peak: near 1 for a square wave, small for real signals.</summary>
    private static double NearPeakFraction(ReadOnlySpan<short> pcm)
    {
        int peak = Signal.Peak(pcm);
        int near = 0;
        foreach (short sample in pcm)
        {
            if (Math.Abs((int)sample) >= peak * 0.95)
            {
                near++;
            }
        }

        return (double)near / pcm.Length;
    }
}
