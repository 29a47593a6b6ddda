using Mcu.Media.Native;
using Mcu.Media.Video;
using SkiaSharp;

namespace Mcu.Compositor.Tests;

/// <summary>Canvas to PNG and back, and tolerant image comparison.</summary>
internal static class ImageFiles
{
    public static byte[] ToBgra(I420Frame frame)
    {
        byte[] bgra = new byte[frame.Width * frame.Height * 4];
        Yuv.ToPacked(frame.AsView(), bgra, frame.Width * 4, PackedPixelFormat.Bgra);
        return bgra;
    }

    public static byte[] EncodePng(byte[] bgra, int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        bgra.CopyTo(bitmap.GetPixelSpan());
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Decodes a PNG to BGRA; null when it is not one.</summary>
    public static (byte[] Bgra, int Width, int Height)? DecodePng(byte[] png)
    {
        using SKBitmap? decoded = SKBitmap.Decode(png);
        if (decoded is null)
        {
            return null;
        }

        using var bgra = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        if (!decoded.CopyTo(bgra, SKColorType.Bgra8888))
        {
            return null;
        }

        return (bgra.GetPixelSpan().ToArray(), decoded.Width, decoded.Height);
    }

    /// <summary>Share of pixels whose largest channel difference exceeds the tolerance.</summary>
    public static double DifferingShare(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int tolerance)
    {
        int differing = 0;
        for (int i = 0; i < expected.Length; i += 4)
        {
            for (int c = 0; c < 3; c++)
            {
                if (Math.Abs(expected[i + c] - actual[i + c]) > tolerance)
                {
                    differing++;
                    break;
                }
            }
        }

        return differing / (expected.Length / 4.0);
    }
}
