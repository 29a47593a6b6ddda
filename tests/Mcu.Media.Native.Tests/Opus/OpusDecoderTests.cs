using Mcu.Media.Native.Tests.TestSupport;
using Mcu.Media.Synthetic;

namespace Mcu.Media.Native.Tests;

public class OpusDecoderTests
{
    private const int Rate = 48_000;
    private const int Frame = 960; // 20 ms

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Tone_of_440_Hz_decodes_with_its_peak_at_440_Hz(int channels)
    {
        short[] tone = new short[Rate * channels];
        SyntheticAudio.Tone(tone, channels, Rate, 440, 0.5, 0);
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings { Channels = channels }, tone);
        using var decoder = new OpusDecoder(Rate, channels);
        short[] decoded = new short[tone.Length];
        int offset = 0;
        foreach (byte[] packet in packets)
        {
            Assert.True(decoder.TryDecode(packet, decoded.AsSpan(offset), out int samples));
            Assert.Equal(Frame, samples);
            offset += samples * channels;
        }

        // Skip the codec's start-up (look-ahead and the encoder settling).
        ReadOnlySpan<short> settled = decoded.AsSpan(Rate / 10 * channels);
        for (int channel = 0; channel < channels; channel++)
        {
            int peak = AudioAnalysis.PeakFrequency(settled, channels, channel, Rate, 300, 600);
            Assert.InRange(peak, 430, 450);
        }
    }

    [Theory]
    [InlineData(10, 48_000, 480)]
    [InlineData(20, 48_000, 960)]
    [InlineData(40, 48_000, 1_920)]
    [InlineData(60, 48_000, 2_880)]
    [InlineData(20, 16_000, 320)]
    public void Packet_duration_is_read_from_the_framing(int milliseconds, int decoderRate, int expected)
    {
        short[] tone = new short[Rate / 1000 * milliseconds];
        SyntheticAudio.Tone(tone, 1, Rate, 440, 0.5, 0);
        byte[] packet = OpusStream.Encode(new OpusEncoderSettings { FrameDuration = TimeSpan.FromMilliseconds(milliseconds) }, tone)[0];
        using var decoder = new OpusDecoder(decoderRate);

        Assert.Equal(expected, decoder.GetSamplesPerChannel(packet));
        Assert.True(decoder.TryDecode(packet, new short[expected], out int decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData(new byte[] { (16 << 3) | 0 }, 120)] // CELT 2.5 ms, one frame
    [InlineData(new byte[] { (19 << 3) | 1, 0, 0 }, 1_920)] // CELT 20 ms, two equal frames
    [InlineData(new byte[] { (13 << 3) | 2, 1, 0, 0 }, 1_920)] // hybrid 20 ms, two frames
    [InlineData(new byte[] { (3 << 3) | 3, 2 }, 5_760)] // SILK 60 ms, code 3 with two frames
    [InlineData(new byte[] { (16 << 3) | 3, 48 }, 5_760)] // 48 frames of 2.5 ms
    [InlineData(new byte[] { (3 << 3) | 3, 3 }, 0)] // 180 ms: longer than 120 ms (RFC 6716 R5)
    [InlineData(new byte[] { (16 << 3) | 3, 0 }, 0)] // code 3 with no frames
    [InlineData(new byte[] { (16 << 3) | 3 }, 0)] // code 3 without its count byte
    [InlineData(new byte[0], 0)]
    public void Packet_duration_follows_RFC_6716_TOC_and_frame_count(byte[] packet, int expected)
    {
        using var decoder = new OpusDecoder();

        Assert.Equal(expected, decoder.GetSamplesPerChannel(packet));
    }

    [Fact]
    public void Concealment_fills_a_lost_frame_with_sound_not_silence()
    {
        short[] tone = new short[Frame * 10];
        SyntheticAudio.Tone(tone, 1, Rate, 440, 0.5, 0);
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings(), tone);
        using var decoder = new OpusDecoder();
        short[] pcm = new short[Frame];
        foreach (byte[] packet in packets)
        {
            Assert.True(decoder.TryDecode(packet, pcm, out _));
        }

        double received = AudioAnalysis.Rms(pcm);
        Assert.Equal(Frame, decoder.Conceal(pcm));

        Assert.True(AudioAnalysis.Rms(pcm) > received / 4, $"concealed RMS {AudioAnalysis.Rms(pcm):F0} vs received {received:F0}");
    }

    [Fact]
    public void Fec_recovers_a_lost_frame_far_closer_to_the_original_than_concealment()
    {
        // A melody whose note changes every 60 ms; each loss hits a new note, which concealment
        // (extrapolating the past) cannot know but the FEC copy in the next packet carries.
        short[] melody = Melody(48);
        List<byte[]> withFec = OpusStream.Encode(new OpusEncoderSettings { InbandFec = true, PacketLossPercent = 10 }, melody);
        List<byte[]> withoutFec = OpusStream.Encode(new OpusEncoderSettings { InbandFec = false }, melody);

        double fec = 0;
        double concealed = 0;
        double fecAbsent = 0;
        int[] losses = [9, 18, 27, 36, 45];
        foreach (int lost in losses)
        {
            fec += RecoveryCorrelation(withFec, lost, useFec: true);
            concealed += RecoveryCorrelation(withFec, lost, useFec: false);
            fecAbsent += RecoveryCorrelation(withoutFec, lost, useFec: true);
        }

        fec /= losses.Length;
        concealed /= losses.Length;
        fecAbsent /= losses.Length;
        Assert.True(fec > 0.85, $"FEC correlation {fec:F2}");
        Assert.True(fec > concealed + 0.3, $"FEC {fec:F2} vs concealment {concealed:F2}");
        Assert.True(fecAbsent < fec - 0.3, $"without FEC data {fecAbsent:F2} vs with {fec:F2}");
    }

    [Fact]
    public void Random_and_mutated_packets_never_throw()
    {
        short[] tone = new short[Frame * 10];
        SyntheticAudio.Tone(tone, 1, Rate, 440, 0.5, 0);
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings(), tone);
        using var decoder = new OpusDecoder();
        var random = new Random(99);
        byte[] buffer = new byte[1500];
        short[] pcm = new short[Frame * 6];
        int rejected = 0;
        for (int i = 0; i < 5000; i++)
        {
            int length;
            if (i % 2 == 0)
            {
                length = random.Next(1, 400);
                random.NextBytes(buffer.AsSpan(0, length));
            }
            else
            {
                byte[] source = packets[random.Next(packets.Count)];
                length = random.Next(1, source.Length + 1);
                source.AsSpan(0, length).CopyTo(buffer);
                buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
            }

            bool ok = i % 5 == 0
                ? decoder.TryDecodeFec(buffer.AsSpan(0, length), pcm.AsSpan(0, Frame), out int samples)
                : decoder.TryDecode(buffer.AsSpan(0, length), pcm, out samples);
            if (ok)
            {
                Assert.InRange(samples, 1, pcm.Length);
            }
            else
            {
                rejected++;
            }
        }

        Assert.True(rejected > 0);
        Assert.True(decoder.TryDecode(packets[0], pcm, out _));
    }

    [Fact]
    public void Packet_longer_than_the_buffer_or_empty_is_refused_without_throwing()
    {
        short[] tone = new short[Frame * 3];
        SyntheticAudio.Tone(tone, 1, Rate, 440, 0.5, 0);
        List<byte[]> packets = OpusStream.Encode(new OpusEncoderSettings { FrameDuration = TimeSpan.FromMilliseconds(60) }, tone);
        using var decoder = new OpusDecoder();

        Assert.False(decoder.TryDecode(packets[0], new short[Frame], out int samples));
        Assert.Equal(0, samples);
        Assert.False(decoder.TryDecode([], new short[Frame], out _));
        Assert.True(decoder.TryDecode(packets[0], new short[Frame * 3], out samples));
        Assert.Equal(Frame * 3, samples);
    }

    [Fact]
    public void Buffers_of_bad_length_are_refused_with_a_clear_message()
    {
        using var decoder = new OpusDecoder(Rate, 2);

        Assert.Contains("2-channel", Assert.Throws<ArgumentException>(() => decoder.TryDecode([0xf8], new short[3], out _)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => decoder.TryDecode([0xf8], [], out _));
        Assert.Contains("2.5 ms", Assert.Throws<ArgumentException>(() => decoder.Conceal(new short[2 * 100])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => decoder.Conceal(new short[2 * Rate / 1000 * 125]));
        Assert.Throws<ArgumentException>(() => decoder.TryDecodeFec([0xf8], new short[2 * 119], out _));
    }

    [Theory]
    [InlineData(44_100, 1)]
    [InlineData(48_000, 3)]
    [InlineData(48_000, 0)]
    public void Unsupported_rate_or_channel_count_is_refused(int rate, int channels)
    {
        Assert.Throws<ArgumentException>(() => new OpusDecoder(rate, channels));
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_use_after_dispose_throws_ObjectDisposedException()
    {
        var decoder = new OpusDecoder();
        decoder.Dispose();
        decoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => decoder.TryDecode([0xf8], new short[Frame], out _));
        Assert.Throws<ObjectDisposedException>(() => decoder.Conceal(new short[Frame]));
        Assert.Throws<ObjectDisposedException>(() => decoder.TryDecodeFec([0xf8], new short[Frame], out _));
    }

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

    /// <summary>
    /// Correlation between the frame recovered for packet <paramref name="lost"/> (by FEC from the
    /// next packet, or by concealment) and what a loss-free decoder produced for it.
    /// </summary>
    private static double RecoveryCorrelation(List<byte[]> packets, int lost, bool useFec)
    {
        using var reference = new OpusDecoder();
        using var receiver = new OpusDecoder();
        short[] expected = new short[Frame];
        short[] actual = new short[Frame];
        for (int i = 0; i < lost; i++)
        {
            Assert.True(reference.TryDecode(packets[i], expected, out _));
            Assert.True(receiver.TryDecode(packets[i], actual, out _));
        }

        Assert.True(reference.TryDecode(packets[lost], expected, out _));
        if (useFec)
        {
            Assert.True(receiver.TryDecodeFec(packets[lost + 1], actual, out int samples));
            Assert.Equal(Frame, samples);
        }
        else
        {
            receiver.Conceal(actual);
        }

        return AudioAnalysis.Correlation(expected, actual);
    }
}
