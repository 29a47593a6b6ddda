using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests;

/// <summary>Solid and patterned input frames, and reading pixels back.</summary>
internal static class TestFrames
{
    public static I420Frame Solid(int width, int height, YuvColor colour)
    {
        I420Frame frame = I420Frame.Allocate(width, height);
        Yuv.Fill(frame, new PixelRect(0, 0, width, height), colour);
        return frame;
    }

    /// <summary>Left half one colour, right half another.</summary>
    public static I420Frame Halves(int width, int height, YuvColor left, YuvColor right)
    {
        I420Frame frame = Solid(width, height, left);
        Yuv.Fill(frame, new PixelRect(width / 2, 0, width / 2, height), right);
        return frame;
    }

    public static YuvColor PixelAt(I420Frame frame, int x, int y) => new(
        frame.Y[(y * frame.StrideY) + x],
        frame.U[(y / 2 * frame.StrideUV) + (x / 2)],
        frame.V[(y / 2 * frame.StrideUV) + (x / 2)]);

    public static bool IsNear(YuvColor expected, YuvColor actual, int tolerance = 3) =>
        Math.Abs(expected.Y - actual.Y) <= tolerance
        && Math.Abs(expected.U - actual.U) <= tolerance
        && Math.Abs(expected.V - actual.V) <= tolerance;

    public static void AssertNear(YuvColor expected, YuvColor actual, string where, int tolerance = 3) =>
        Assert.True(IsNear(expected, actual, tolerance), $"{where}: expected {expected}, found {actual}");
}
