using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Media.Native.Tests.TestSupport;

/// <summary>A short VP8 stream of the synthetic picture, encoded once per test.</summary>
internal static class Vp8Stream
{
    /// <summary>90 kHz ticks per frame at 30 fps.</summary>
    public const long FrameTicks = 3000;

    /// <summary>Encodes <paramref name="count"/> synthetic frames; only the first is a keyframe.</summary>
    public static List<byte[]> Encode(int width, int height, int count, int bitrateBps = 500_000)
    {
        var frames = new List<byte[]>(count);
        using var encoder = new Vp8Encoder(new Vp8EncoderSettings { Width = width, Height = height, BitrateBps = bitrateBps });
        using I420Frame picture = I420Frame.Allocate(width, height);
        for (int i = 0; i < count; i++)
        {
            SyntheticVideo.Paint(picture, i);
            frames.Add(encoder.Encode(picture, i * FrameTicks).Data.ToArray());
        }

        return frames;
    }

    /// <summary>True when the VP8 frame tag marks a keyframe (RFC 6386 section 9.1: bit 0 clear).</summary>
    public static bool HeaderSaysKeyframe(ReadOnlySpan<byte> frame) => (frame[0] & 1) == 0;
}
