using Mcu.Media.Synthetic;

namespace Mcu.Media.Native.Tests;

public class OpusEncoderTests
{
    [Fact]
    public void Defaults_are_48_kHz_mono_20_ms_at_32_kbps_voice_with_fec()
    {
        var settings = new OpusEncoderSettings();

        Assert.Equal(48_000, settings.SampleRate);
        Assert.Equal(1, settings.Channels);
        Assert.Equal(TimeSpan.FromMilliseconds(20), settings.FrameDuration);
        Assert.Equal(32_000, settings.BitrateBps);
        Assert.Equal(OpusApplication.Voip, settings.Application);
        Assert.True(settings.InbandFec);
        using var encoder = new OpusEncoder(settings);
        Assert.Equal(960, encoder.FrameSamplesPerChannel);
    }

    [Theory]
    [InlineData(16_000)]
    [InlineData(64_000)]
    public void Packets_follow_the_bitrate_set_at_runtime(int bitrate)
    {
        using var encoder = new OpusEncoder(new OpusEncoderSettings { Application = OpusApplication.Audio, PacketLossPercent = 0 });
        encoder.SetBitrate(bitrate);
        short[] pcm = new short[960];
        byte[] packet = new byte[OpusEncoder.MaxPacketSize];
        long bytes = 0;
        for (int i = 0; i < 50; i++)
        {
            SyntheticAudio.Tone(pcm, 1, 48_000, 440 + (i * 10), 0.5, i * 960L);
            bytes += encoder.Encode(pcm, packet);
        }

        Assert.InRange(bytes * 8.0, bitrate * 0.8, bitrate * 1.2);
    }

    [Fact]
    public void Dtx_sends_tiny_packets_during_silence()
    {
        using var encoder = new OpusEncoder(new OpusEncoderSettings { Dtx = true });
        short[] silence = new short[960];
        byte[] packet = new byte[OpusEncoder.MaxPacketSize];
        int tiny = 0;
        for (int i = 0; i < 50; i++)
        {
            if (encoder.Encode(silence, packet) <= 2)
            {
                tiny++;
            }
        }

        Assert.True(tiny > 25, $"{tiny} of 50 silent packets were DTX");
    }

    [Fact]
    public void Destination_caps_the_packet_size()
    {
        using var encoder = new OpusEncoder(new OpusEncoderSettings { BitrateBps = 128_000 });
        short[] pcm = new short[960];
        SyntheticAudio.Tone(pcm, 1, 48_000, 440, 0.5, 0);

        Assert.InRange(encoder.Encode(pcm, new byte[40]), 1, 40);
    }

    [Theory]
    [InlineData(959)]
    [InlineData(1920)]
    [InlineData(0)]
    public void Pcm_that_is_not_one_frame_is_refused_with_the_expected_length(int length)
    {
        using var encoder = new OpusEncoder(new OpusEncoderSettings());

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode(new short[length], new byte[1500]));

        Assert.Contains("960", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_destination_is_refused()
    {
        using var encoder = new OpusEncoder(new OpusEncoderSettings());

        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[960], []));
    }

    public static TheoryData<OpusEncoderSettings, string> BadSettings => new()
    {
        { new OpusEncoderSettings { SampleRate = 44_100 }, "SampleRate" },
        { new OpusEncoderSettings { Channels = 3 }, "Channels" },
        { new OpusEncoderSettings { FrameDuration = TimeSpan.FromMilliseconds(30) }, "FrameDuration" },
        { new OpusEncoderSettings { BitrateBps = 1_000 }, "bitrate" },
        { new OpusEncoderSettings { Complexity = 11 }, "Complexity" },
        { new OpusEncoderSettings { PacketLossPercent = 101 }, "loss" },
        { new OpusEncoderSettings { Application = (OpusApplication)7 }, "Application" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Settings_out_of_range_are_refused_naming_the_setting(OpusEncoderSettings settings, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new OpusEncoder(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_values_out_of_range_are_refused()
    {
        using var encoder = new OpusEncoder(new OpusEncoderSettings());

        Assert.Throws<ArgumentException>(() => encoder.SetBitrate(600_000));
        Assert.Throws<ArgumentException>(() => encoder.SetPacketLossPercent(-1));
        encoder.SetPacketLossPercent(30);
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_use_after_dispose_throws_ObjectDisposedException()
    {
        var encoder = new OpusEncoder(new OpusEncoderSettings());
        encoder.Dispose();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(new short[960], new byte[100]));
        Assert.Throws<ObjectDisposedException>(() => encoder.SetBitrate(20_000));
        Assert.Throws<ObjectDisposedException>(() => encoder.SetPacketLossPercent(5));
    }
}
