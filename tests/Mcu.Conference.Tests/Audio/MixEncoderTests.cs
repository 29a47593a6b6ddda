using Mcu.Conference.Audio;
using Mcu.Media.Native;

namespace Mcu.Conference.Tests.Audio;

public class MixEncoderTests
{
    private const int Samples = 960;

    [Fact]
    public void Digital_silence_is_encoded_until_libopus_goes_quiet_then_that_frame_repeats_without_encoding()
    {
        using var mix = new MixEncoder();
        using var plain = new OpusEncoder(OpusEncoderSettings.RoomMix);
        var zeros = new short[Samples];
        byte[]? quiet = null;
        for (var i = 0; i < 100; i++)
        {
            var ours = Encode(mix, zeros);
            var reference = Encode(plain, zeros);
            if (quiet is null)
            {
                // Up to libopus's first quiet frame the outputs are libopus's own.
                Assert.Equal(reference, ours);
                Assert.Equal(0, mix.SilentFramesSkipped);
                if (ours.Length <= 2)
                {
                    quiet = ours;
                }
            }
            else
            {
                Assert.Equal(quiet, ours);
            }
        }

        Assert.NotNull(quiet);
        // libopus's hangover is a few hundred milliseconds; everything after it is skipped.
        Assert.InRange(mix.SilentFramesSkipped, 80, 99);
    }

    [Fact]
    public void Sound_after_silence_is_encoded_again_and_decodes_as_a_plain_encoder_stream_does()
    {
        using var mix = new MixEncoder();
        using var plain = new OpusEncoder(OpusEncoderSettings.RoomMix);
        using var mixDecoder = new OpusDecoder();
        using var plainDecoder = new OpusDecoder();
        var zeros = new short[Samples];
        double oursEnergy = 0;
        double referenceEnergy = 0;
        for (var i = 0; i < 60; i++)
        {
            Decode(mixDecoder, Encode(mix, zeros));
            Decode(plainDecoder, Encode(plain, zeros));
        }

        var skipped = mix.SilentFramesSkipped;
        Assert.True(skipped > 0);
        for (var i = 0; i < 25; i++)
        {
            var tone = Tone(i);
            var packet = Encode(mix, tone);
            Assert.True(packet.Length > 2, $"frame {i} of the tone was not encoded");
            var ours = Decode(mixDecoder, packet);
            var reference = Decode(plainDecoder, Encode(plain, tone));
            if (i >= 5)
            {
                oursEnergy += Energy(ours);
                referenceEnergy += Energy(reference);
            }
        }

        Assert.Equal(skipped, mix.SilentFramesSkipped);
        // The tone comes through at the plain encoder's level (within 1 dB).
        Assert.InRange(10 * Math.Log10(oursEnergy / referenceEnergy), -1, 1);
    }

    [Fact]
    public void A_frame_with_one_sample_that_is_not_zero_is_encoded()
    {
        using var mix = new MixEncoder();
        var zeros = new short[Samples];
        for (var i = 0; i < 50; i++)
        {
            Encode(mix, zeros);
        }

        var skipped = mix.SilentFramesSkipped;
        var almost = new short[Samples];
        almost[Samples / 2] = 1;
        Encode(mix, almost);
        Assert.Equal(skipped, mix.SilentFramesSkipped);
        Encode(mix, zeros);
        Assert.Equal(skipped, mix.SilentFramesSkipped); // quiet again only after libopus says so
    }

    private static byte[] Encode(MixEncoder encoder, short[] pcm)
    {
        var packet = new byte[OpusEncoder.MaxPacketSize];
        return packet.AsSpan(0, encoder.Encode(pcm, packet)).ToArray();
    }

    private static byte[] Encode(OpusEncoder encoder, short[] pcm)
    {
        var packet = new byte[OpusEncoder.MaxPacketSize];
        return packet.AsSpan(0, encoder.Encode(pcm, packet)).ToArray();
    }

    private static short[] Decode(OpusDecoder decoder, byte[] packet)
    {
        var pcm = new short[Samples];
        Assert.True(decoder.TryDecode(packet, pcm, out var samples));
        Assert.Equal(Samples, samples);
        return pcm;
    }

    private static short[] Tone(int frame)
    {
        var pcm = new short[Samples];
        for (var i = 0; i < Samples; i++)
        {
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * ((frame * Samples) + i) / 48_000.0));
        }

        return pcm;
    }

    private static double Energy(short[] pcm)
    {
        double sum = 0;
        foreach (var sample in pcm)
        {
            sum += (double)sample * sample;
        }

        return sum;
    }
}
