using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Recording.Tests.Support;

/// <summary>Real VP8 frames of flat pictures, encoded once, to feed a recorder as a room would.</summary>
internal sealed class Vp8TestFrames
{
    private Vp8TestFrames(byte[] darkKeyframe, byte[] darkDelta, byte[] brightKeyframe)
    {
        DarkKeyframe = darkKeyframe;
        DarkDelta = darkDelta;
        BrightKeyframe = brightKeyframe;
    }

    /// <summary>A black keyframe.</summary>
    public byte[] DarkKeyframe { get; }

    /// <summary>A delta frame that repeats the black picture (valid after any black frame).</summary>
    public byte[] DarkDelta { get; }

    /// <summary>A white keyframe: the video marker.</summary>
    public byte[] BrightKeyframe { get; }

    public static Vp8TestFrames Encode(int width, int height)
    {
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = width, Height = height, FrameRate = 30, BitrateBps = 200_000 });
        using var dark = Solid(width, height, 16);
        using var bright = Solid(width, height, 235);
        encoder.RequestKeyframe();
        var darkKey = Take(encoder.Encode(dark, 0), keyframe: true);
        var darkDelta = Take(encoder.Encode(dark, 3000), keyframe: false);
        encoder.RequestKeyframe();
        var brightKey = Take(encoder.Encode(bright, 6000), keyframe: true);
        return new Vp8TestFrames(darkKey, darkDelta, brightKey);
    }

    private static byte[] Take(Vp8EncodedFrame frame, bool keyframe)
    {
        Assert.Equal(keyframe, frame.IsKeyframe);
        Assert.False(frame.IsDropped);
        return frame.Data.ToArray();
    }

    private static I420Frame Solid(int width, int height, byte luma)
    {
        var frame = I420Frame.Allocate(width, height);
        frame.Y.Fill(luma);
        frame.U.Fill(128);
        frame.V.Fill(128);
        return frame;
    }
}
