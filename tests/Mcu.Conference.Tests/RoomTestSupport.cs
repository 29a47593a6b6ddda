using Mcu.Media.Native;
using Mcu.Media.Video;
using Mcu.Testing;

namespace Mcu.Conference.Tests;

/// <summary>Waiting, colour matching and test streams shared by the room tests.</summary>
internal static class RoomTestSupport
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>True when a sampled colour is within <paramref name="tolerance"/> of the expected one in Y, U and V.</summary>
    public static bool Near(YuvColor? seen, YuvColor expected, int tolerance = 14) =>
        seen is { } c && Math.Abs(c.Y - expected.Y) <= tolerance && Math.Abs(c.U - expected.U) <= tolerance && Math.Abs(c.V - expected.V) <= tolerance;

    public static Task Eventually(Func<bool> condition, string what) => Poll.UntilAsync(condition, Patience, what);

    /// <summary>One 320x180 VP8 stream, a picture of each colour: a keyframe, then inter frames.</summary>
    public static List<byte[]> Encode(params YuvColor[] colours)
    {
        using var picture = I420Frame.Allocate(320, 180);
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = 320, Height = 180, FrameRate = 30, BitrateBps = 500_000 });
        var frames = new List<byte[]>();
        for (var i = 0; i < colours.Length; i++)
        {
            Yuv.Fill(picture, new PixelRect(0, 0, picture.Width, picture.Height), colours[i]);
            var encoded = encoder.Encode(picture, i * 3000L);
            Assert.True(i > 0 || encoded.IsKeyframe, "a stream starts with a keyframe");
            frames.Add(encoded.Data.ToArray());
        }
        return frames;
    }
}
