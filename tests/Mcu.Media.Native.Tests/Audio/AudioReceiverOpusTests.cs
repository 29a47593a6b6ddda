using Mcu.Media.Audio;
using Mcu.Media.Native.Tests.TestSupport;
using Mcu.Media.Synthetic;

namespace Mcu.Media.Native.Tests;

public class AudioReceiverOpusTests
{
    private const int Rate = 48_000;
    private const int Frame = 960;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void A_lost_packet_is_recovered_from_the_next_packets_FEC_close_to_the_original()
    {
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings(), Melody(48));
        short[][] reference = DecodeAll(packets);

        List<(AudioFrameInfo Info, short[] Pcm)> frames = Receive(packets, lost: [20, 35]);

        foreach (int lost in new[] { 20, 35 })
        {
            (AudioFrameInfo info, short[] pcm) = frames[lost];
            Assert.Equal(AudioFrameKind.FecRecovered, info.Kind);
            double correlation = AudioAnalysis.Correlation(reference[lost], pcm);
            Assert.True(correlation > 0.8, $"frame {lost}: correlation {correlation:F2}");
            Assert.Equal(AudioFrameKind.Decoded, frames[lost + 1].Info.Kind);
        }
    }

    [Fact]
    public void A_longer_loss_is_concealed_with_sound_for_100_ms_then_silence_then_resumes()
    {
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings(), Melody(48));

        List<(AudioFrameInfo Info, short[] Pcm)> frames = Receive(packets, lost: [.. Enumerable.Range(20, 9)]);

        Assert.Equal(
            [AudioFrameKind.Decoded, AudioFrameKind.Concealed, AudioFrameKind.Concealed, AudioFrameKind.Concealed, AudioFrameKind.Concealed,
             AudioFrameKind.Concealed, AudioFrameKind.Silence, AudioFrameKind.Silence, AudioFrameKind.Silence, AudioFrameKind.FecRecovered,
             AudioFrameKind.Decoded],
            frames.Skip(19).Take(11).Select(f => f.Info.Kind));
        Assert.True(AudioAnalysis.Rms(frames[20].Pcm) > AudioAnalysis.Rms(frames[19].Pcm) / 4, "concealment continues the sound");
        Assert.All(frames.Skip(25).Take(3), f => Assert.Equal(0, AudioAnalysis.Rms(f.Pcm)));
        Assert.True(AudioAnalysis.Rms(frames[30].Pcm) > 1_000, "decoding resumes");
    }

    [Fact]
    public void A_muted_tracks_digital_silence_is_not_decoded_and_the_speech_after_it_sounds_as_if_it_had_been()
    {
        // Speech, a muted track (zeros, encoded as a browser does without DTX), speech again.
        short[] signal = new short[Frame * 90];
        Melody(30).CopyTo(signal, 0);
        Melody(30).CopyTo(signal, Frame * 60);
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings(), signal);
        using var markedDecoder = new OpusDecoder();
        using var plainDecoder = new OpusDecoder();
        var marked = new AudioReceiver(markedDecoder);
        var plain = new AudioReceiver(plainDecoder);
        var markedFrames = new List<short[]>();
        var plainFrames = new List<short[]>();
        for (int i = 0; i <= packets.Count; i++)
        {
            if (i < packets.Count)
            {
                bool muted = i >= 30 && i < 60;
                marked.Insert((ushort)i, (uint)(i * Frame), i * Tick, packets[i], muted ? (byte)127 : (byte)30);
                plain.Insert((ushort)i, (uint)(i * Frame), i * Tick, packets[i]);
            }

            if (i > 0)
            {
                marked.Tick(i * Tick);
                plain.Tick(i * Tick);
                markedFrames.Add(marked.Frame.ToArray());
                plainFrames.Add(plain.Frame.ToArray());
            }
        }

        // Most of the muted stretch is skipped; what is played there is silence either way.
        Assert.InRange(marked.SilentPacketsSkipped, 20, 29);
        Assert.All(markedFrames.Skip(40).Take(20), f => Assert.Equal(0, AudioAnalysis.Rms(f)));
        Assert.All(plainFrames.Skip(40).Take(20), f => Assert.True(AudioAnalysis.Rms(f) < 1));
        // The speech after it decodes as the stream decoded throughout does.
        short[] markedSpeech = [.. markedFrames.Skip(62).Take(25).SelectMany(f => f)];
        short[] plainSpeech = [.. plainFrames.Skip(62).Take(25).SelectMany(f => f)];
        Assert.True(AudioAnalysis.Correlation(plainSpeech, markedSpeech) > 0.99);
        Assert.InRange(20 * Math.Log10(AudioAnalysis.Rms(markedSpeech) / AudioAnalysis.Rms(plainSpeech)), -0.5, 0.5);
    }

    [Fact]
    public void A_stereo_sender_is_decoded_to_mono()
    {
        short[] tone = new short[Rate * 2];
        SyntheticAudio.Tone(tone, 2, Rate, 440, 0.5, 0);
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings { Channels = 2 }, tone);

        List<(AudioFrameInfo Info, short[] Pcm)> frames = Receive(packets, lost: []);

        short[] mono = [.. frames.Skip(10).Take(20).SelectMany(f => f.Pcm)];
        Assert.InRange(AudioAnalysis.PeakFrequency(mono, 1, 0, Rate, 300, 600), 435, 445);
    }

    [Fact]
    public void Through_Opus_each_participant_hears_the_others_and_not_itself()
    {
        double[] tones = [400, 650, 900];
        var mixer = new AudioMixer();
        var senders = new OpusEncoder[3];
        var receivers = new AudioReceiver[3];
        var decoders = new OpusDecoder[3];
        var inputs = new AudioMixerInput[3];
        var returnEncoders = new OpusEncoder[3];
        var returnDecoders = new OpusDecoder[3];
        for (int p = 0; p < 3; p++)
        {
            senders[p] = new OpusEncoder(OpusEncoderSettings.RoomMix);
            decoders[p] = new OpusDecoder();
            receivers[p] = new AudioReceiver(decoders[p]);
            inputs[p] = mixer.AddInput();
            returnEncoders[p] = new OpusEncoder(OpusEncoderSettings.RoomMix);
            returnDecoders[p] = new OpusDecoder();
        }

        short[] pcm = new short[Frame];
        byte[] packet = new byte[OpusEncoder.MaxPacketSize];
        // The last 500 ms each participant hears: a long window keeps codec noise out of the tone bins.
        short[][] heard = [new short[25 * Frame], new short[25 * Frame], new short[25 * Frame]];
        short[] decoded = new short[Frame];
        for (int tick = 0; tick < 60; tick++)
        {
            TimeSpan now = tick * Tick;
            for (int p = 0; p < 3; p++)
            {
                SyntheticAudio.Tone(pcm, 1, Rate, tones[p], 0.3, (long)tick * Frame);
                int length = senders[p].Encode(pcm, packet);
                receivers[p].Insert((ushort)tick, (uint)(tick * Frame), now, packet.AsSpan(0, length));
                receivers[p].Tick(now);
                inputs[p].Submit(receivers[p].Frame);
            }

            mixer.Mix();
            for (int p = 0; p < 3; p++)
            {
                Assert.True(inputs[p].HasOwnMix || tick < 3);
                int length = returnEncoders[p].Encode(inputs[p].Output, packet);
                Assert.True(returnDecoders[p].TryDecode(packet.AsSpan(0, length), decoded, out _));
                if (tick >= 35)
                {
                    decoded.CopyTo(heard[p].AsSpan((tick - 35) * Frame));
                }
            }
        }

        for (int p = 0; p < 3; p++)
        {
            double[] others = [.. tones.Where((_, i) => i != p)];
            double own = Db(heard[p], tones[p]) - Math.Max(Db(heard[p], others[0]), Db(heard[p], others[1]));
            Assert.True(own < -40, $"participant {p} hears itself at {own:F1} dB");
            Assert.InRange(Db(heard[p], others[0]) - Db(heard[p], others[1]), -6, 6);
        }

        for (int p = 0; p < 3; p++)
        {
            senders[p].Dispose();
            decoders[p].Dispose();
            returnEncoders[p].Dispose();
            returnDecoders[p].Dispose();
        }
    }

    [Fact]
    public void Receiving_and_mixing_with_real_Opus_allocates_nothing_per_tick()
    {
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings(), Melody(300));
        using var decoder = new OpusDecoder();
        var receiver = new AudioReceiver(decoder);
        var mixer = new AudioMixer();
        AudioMixerInput input = mixer.AddInput();
        mixer.AddInput();
        using var encoder = new OpusEncoder(OpusEncoderSettings.RoomMix);
        byte[] output = new byte[1_500];

        void Run(int tick)
        {
            if (tick % 9 != 4 && tick % 23 != 5)
            {
                receiver.Insert((ushort)tick, (uint)(tick * Frame), tick * Tick, packets[tick]);
            }

            receiver.Tick(tick * Tick);
            input.Submit(receiver.Frame);
            mixer.Mix();
            encoder.Encode(mixer.SharedMix, output);
        }

        for (int tick = 0; tick < 100; tick++)
        {
            Run(tick);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int tick = 100; tick < 300; tick++)
        {
            Run(tick);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(receiver.FecRecoveries > 10 && receiver.DecodedPackets > 200);
    }

    private static double Db(short[] pcm, double frequency) =>
        10 * Math.Log10(Math.Max(AudioAnalysis.Goertzel(pcm, 1, 0, Rate, frequency), 1e-9));

    /// <summary>Packets arrive on time every 20 ms except the lost ones; one receiver tick per 20 ms, aligned so frame i is packet i.</summary>
    private static List<(AudioFrameInfo Info, short[] Pcm)> Receive(List<byte[]> packets, int[] lost)
    {
        using var decoder = new OpusDecoder();
        var receiver = new AudioReceiver(decoder);
        var frames = new List<(AudioFrameInfo, short[])>();
        for (int i = 0; i <= packets.Count; i++)
        {
            if (i < packets.Count && !lost.Contains(i))
            {
                receiver.Insert((ushort)i, (uint)(i * Frame), i * Tick, packets[i]);
            }

            // The first tick that plays packet 0 is one tick (the 20 ms minimum delay) later.
            if (i > 0)
            {
                frames.Add((receiver.Tick(i * Tick), receiver.Frame.ToArray()));
            }
        }

        return frames;
    }

    private static short[][] DecodeAll(List<byte[]> packets)
    {
        using var decoder = new OpusDecoder();
        var frames = new short[packets.Count][];
        for (int i = 0; i < packets.Count; i++)
        {
            frames[i] = new short[Frame];
            Assert.True(decoder.TryDecode(packets[i], frames[i], out _));
        }

        return frames;
    }

    /// <summary>A note every 60 ms, so concealment cannot guess a lost frame but FEC carries it.</summary>
    private static short[] Melody(int frames)
    {
        short[] signal = new short[Frame * frames];
        for (int note = 0; note * 3 < frames; note++)
        {
            int start = note * 3 * Frame;
            int length = Math.Min(3 * Frame, signal.Length - start);
            SyntheticAudio.Tone(signal.AsSpan(start, length), 1, Rate, 300 + (note * 111 % 500), 0.4, start);
        }

        return signal;
    }
}
