using Mcu.Media.Native.Tests.TestSupport;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Media.Native.Tests;

public class Vp8EncoderTests
{
    [Fact]
    public void Round_trip_of_moving_720p_video_at_1_5_Mbps_keeps_psnr_at_30_dB_or_more()
    {
        var settings = new Vp8EncoderSettings();
        Assert.Equal((1280, 720, 1_500_000), (settings.Width, settings.Height, settings.BitrateBps));
        using var encoder = new Vp8Encoder(settings);
        using var decoder = new Vp8Decoder();
        using I420Frame picture = I420Frame.Allocate(1280, 720);
        double worst = double.MaxValue;
        for (int i = 0; i < 45; i++)
        {
            SyntheticVideo.Paint(picture, i);
            Vp8EncodedFrame encoded = encoder.Encode(picture, i * Vp8Stream.FrameTicks);
            Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(encoded.Data, out I420View decoded));
            worst = Math.Min(worst, VideoQuality.Psnr(picture.AsView(), decoded));
        }

        Assert.True(worst >= 30, $"worst frame PSNR {worst:F1} dB");
    }

    [Fact]
    public void First_frame_and_requested_frames_are_keyframes_by_flag_and_by_header()
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 320, Height = 180, BitrateBps = 300_000 });
        using I420Frame picture = I420Frame.Allocate(320, 180);
        for (int i = 0; i < 12; i++)
        {
            if (i == 8)
            {
                encoder.RequestKeyframe();
            }

            SyntheticVideo.Paint(picture, i);
            Vp8EncodedFrame encoded = encoder.Encode(picture, i * Vp8Stream.FrameTicks);
            bool expectKeyframe = i is 0 or 8;
            Assert.Equal(expectKeyframe, encoded.IsKeyframe);
            Assert.Equal(expectKeyframe, Vp8Stream.HeaderSaysKeyframe(encoded.Data));
            Assert.Equal(i * Vp8Stream.FrameTicks, encoded.Pts);
            if (expectKeyframe)
            {
                // RFC 6386 section 9.1: start code, then 14-bit width and height.
                Assert.Equal(new byte[] { 0x9d, 0x01, 0x2a }, encoded.Data.Slice(3, 3).ToArray());
                Assert.Equal(320, BitConverter.ToUInt16(encoded.Data.Slice(6, 2)) & 0x3fff);
                Assert.Equal(180, BitConverter.ToUInt16(encoded.Data.Slice(8, 2)) & 0x3fff);
            }
        }
    }

    [Fact]
    public void Keyframe_interval_bounds_the_distance_between_keyframes()
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 160, Height = 90, BitrateBps = 100_000, KeyframeInterval = 10 });
        using I420Frame picture = I420Frame.Allocate(160, 90);
        var keyframes = new List<int>();
        for (int i = 0; i < 31; i++)
        {
            SyntheticVideo.Paint(picture, i);
            if (encoder.Encode(picture, i * Vp8Stream.FrameTicks).IsKeyframe)
            {
                keyframes.Add(i);
            }
        }

        Assert.Equal(new[] { 0, 10, 20, 30 }, keyframes);
    }

    [Theory]
    [InlineData(1_500_000, 750_000)]
    [InlineData(750_000, 1_500_000)]
    public void Bitrate_change_brings_the_output_within_20_percent_of_the_new_target_over_the_next_2_seconds(int before, int after)
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { BitrateBps = before });
        using I420Frame picture = I420Frame.Allocate(1280, 720);
        long bytesAfter = 0;
        for (int i = 0; i < 120; i++)
        {
            if (i == 60)
            {
                encoder.SetBitrate(after);
                Assert.Equal(after, encoder.BitrateBps);
            }

            SyntheticVideo.Paint(picture, i);
            int size = encoder.Encode(picture, i * Vp8Stream.FrameTicks).Data.Length;
            if (i >= 60)
            {
                bytesAfter += size;
            }
        }

        double bitrate = bytesAfter * 8 / 2.0;
        Assert.InRange(bitrate, after * 0.8, after * 1.2);
    }

    [Fact]
    public void Encodes_a_view_with_padded_strides_over_managed_memory()
    {
        const int width = 64;
        const int height = 48;
        byte[] y = new byte[(width + 16) * height];
        byte[] u = new byte[(width / 2 + 8) * height / 2];
        byte[] v = new byte[(width / 2 + 8) * height / 2];
        y.AsSpan().Fill(150);
        u.AsSpan().Fill(90);
        v.AsSpan().Fill(200);
        var view = new I420View(y, width + 16, u, (width / 2) + 8, v, (width / 2) + 8, width, height);
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = width, Height = height, BitrateBps = 200_000 });
        using var decoder = new Vp8Decoder();

        Vp8EncodedFrame encoded = encoder.Encode(view, 0);

        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(encoded.Data, out I420View decoded));
        Assert.True(VideoQuality.Psnr(view, decoded) > 40);
    }

    [Fact]
    public void Frame_of_another_size_is_refused_with_both_sizes_in_the_message()
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 320, Height = 180 });
        using I420Frame picture = I420Frame.Allocate(320, 240);

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode(picture, 0));

        Assert.Contains("320x240", error.Message, StringComparison.Ordinal);
        Assert.Contains("320x180", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pts_that_does_not_increase_is_refused()
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 64, Height = 64 });
        using I420Frame picture = I420Frame.Allocate(64, 64);
        encoder.Encode(picture, 3000);

        var error = Assert.Throws<ArgumentException>(() => encoder.Encode(picture, 3000));

        Assert.Contains("increase", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Vp8EncoderSettings, string> BadSettings => new()
    {
        { new Vp8EncoderSettings { Width = 1279 }, "even" },
        { new Vp8EncoderSettings { Height = 0 }, "even" },
        { new Vp8EncoderSettings { Width = -2 }, "even" },
        { new Vp8EncoderSettings { Width = 16384 }, "even" },
        { new Vp8EncoderSettings { Speed = 8 }, "Speed" },
        { new Vp8EncoderSettings { Speed = 0 }, "Speed" },
        { new Vp8EncoderSettings { BitrateBps = 1000 }, "BitrateBps" },
        { new Vp8EncoderSettings { Threads = 0 }, "Threads" },
        { new Vp8EncoderSettings { KeyframeInterval = 0 }, "KeyframeInterval" },
        { new Vp8EncoderSettings { MinQuantizer = 40, MaxQuantizer = 30 }, "MaxQuantizer" },
        { new Vp8EncoderSettings { BufferInitialMs = 2000 }, "BufferInitialMs" },
        { new Vp8EncoderSettings { TokenPartitions = (Vp8TokenPartitions)4 }, "TokenPartitions" },
        { new Vp8EncoderSettings { NoiseSensitivity = 7 }, "NoiseSensitivity" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Settings_out_of_range_are_refused_naming_the_setting(Vp8EncoderSettings settings, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new Vp8Encoder(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9_999)]
    [InlineData(100_000_001)]
    public void Bitrate_out_of_range_is_refused(int bitrate)
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 64, Height = 64 });

        Assert.Throws<ArgumentException>(() => encoder.SetBitrate(bitrate));
        Assert.Equal(1_500_000, encoder.BitrateBps);
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_use_after_dispose_throws_ObjectDisposedException()
    {
        var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 64, Height = 64 });
        using I420Frame picture = I420Frame.Allocate(64, 64);
        encoder.Dispose();
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(picture, 0));
        Assert.Throws<ObjectDisposedException>(() => encoder.SetBitrate(500_000));
        Assert.Throws<ObjectDisposedException>(encoder.RequestKeyframe);
    }
}
