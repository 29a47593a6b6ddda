using Mcu.Client.Receiving;
using Mcu.Client.Sending;
using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Client.Tests.Sending;

public class VideoSourceTests
{
    private static readonly YuvColor Red = new(81, 90, 240);
    private static readonly YuvColor Blue = new(41, 240, 110);

    [Theory]
    [InlineData(0)]  // encoded live
    [InlineData(12)] // encoded once and looped
    public void The_marker_switches_colour_every_period(int preEncoded)
    {
        using var source = new VideoSource(Options(preEncoded));
        using var decoder = new Vp8Decoder();
        for (var i = 0; i < 24; i++)
        {
            var data = source.Next(out _);
            var expected = i / 3 % 2;

            Assert.Equal(expected, source.LastColor);
            Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(data, out var picture));
            Assert.True(IsNear(PictureSampler.Sample(picture, 0.5, 0.5), expected == 0 ? Red : Blue));
        }
    }

    [Fact]
    public void A_keyframe_request_restarts_the_loop_with_the_first_colour()
    {
        using var source = new VideoSource(Options(12));
        for (var i = 0; i < 4; i++)
        {
            source.Next(out _);
        }
        Assert.Equal(1, source.LastColor);

        source.RequestKeyframe();
        source.Next(out var keyframe);

        Assert.True(keyframe);
        Assert.Equal(0, source.LastColor);
    }

    [Fact]
    public void Without_an_alternate_colour_every_frame_is_colour_zero()
    {
        using var source = new VideoSource(new MediaBotOptions { Width = 64, Height = 48, SolidColor = Red, PreEncodedFrames = 6, ColorPeriodFrames = 1 });
        for (var i = 0; i < 6; i++)
        {
            source.Next(out _);
            Assert.Equal(0, source.LastColor);
        }
    }

    [Fact]
    public void A_clip_is_sent_frame_by_frame_and_looped_from_its_keyframe()
    {
        var clip = Clip(Red, Blue, Blue, Red);
        using var source = new VideoSource(new MediaBotOptions { Width = 640, Height = 360, VideoClip = clip });
        using var decoder = new Vp8Decoder();
        for (var i = 0; i < 10; i++)
        {
            var data = source.Next(out var keyframe);

            Assert.Equal(clip[i % 4], data.ToArray());
            Assert.Equal(i % 4 == 0, keyframe);
            Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(data, out var picture));
            Assert.Equal((64, 48), (picture.Width, picture.Height));
        }

        source.RequestKeyframe();
        source.Next(out var restarted);
        Assert.True(restarted);
        Assert.Equal(clip[1], source.Next(out _).ToArray());
    }

    [Fact]
    public void A_clip_must_start_with_a_keyframe()
    {
        var clip = Clip(Red, Blue);
        Assert.Throws<ArgumentException>(() => new VideoSource(new MediaBotOptions { VideoClip = clip.Skip(1).ToList() }));
        Assert.Throws<ArgumentException>(() => new VideoSource(new MediaBotOptions { VideoClip = [] }));
    }

    // Frames of solid colours as a camera's encoder sends them: a keyframe, then inter frames.
    private static List<byte[]> Clip(params YuvColor[] colors)
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 64, Height = 48, FrameRate = 30, BitrateBps = 200_000 });
        using var picture = I420Frame.Allocate(64, 48);
        var frames = new List<byte[]>();
        foreach (var color in colors)
        {
            picture.Y.Fill(color.Y);
            picture.U.Fill(color.U);
            picture.V.Fill(color.V);
            frames.Add(encoder.Encode(picture, frames.Count * 3000L).Data.ToArray());
        }
        return frames;
    }

    private static MediaBotOptions Options(int preEncoded) => new()
    {
        Width = 64,
        Height = 48,
        SolidColor = Red,
        AlternateColor = Blue,
        ColorPeriodFrames = 3,
        PreEncodedFrames = preEncoded,
    };

    private static bool IsNear(YuvColor a, YuvColor b) =>
        Math.Abs(a.Y - b.Y) <= 6 && Math.Abs(a.U - b.U) <= 6 && Math.Abs(a.V - b.V) <= 6;
}
