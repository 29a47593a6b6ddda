using Mcu.Media.Video;

namespace Mcu.Client.Receiving;

/// <summary>The mean colour of a small square of a picture, to tell whose tile shows where.</summary>
internal static class PictureSampler
{
    /// <summary>Mean colour of the square of side 2 * <paramref name="half"/> centred at a fraction of the picture's width and height.</summary>
    public static YuvColor Sample(in I420View picture, double fx, double fy, int half = 4)
    {
        var width = picture.Width & ~1;
        var height = picture.Height & ~1;
        half = Math.Min(half, Math.Min(width, height) / 4);
        var cx = Math.Clamp((int)(fx * width), half, width - half - 1) & ~1;
        var cy = Math.Clamp((int)(fy * height), half, height - half - 1) & ~1;
        long y = 0, u = 0, v = 0, n = 0, nc = 0;
        for (var row = cy - half; row < cy + half; row++)
        {
            for (var col = cx - half; col < cx + half; col++)
            {
                y += picture.Y[(row * picture.StrideY) + col];
                n++;
                if ((row & 1) == 0 && (col & 1) == 0)
                {
                    u += picture.U[(row / 2 * picture.StrideU) + (col / 2)];
                    v += picture.V[(row / 2 * picture.StrideV) + (col / 2)];
                    nc++;
                }
            }
        }
        return n == 0 || nc == 0 ? default : new YuvColor((byte)(y / n), (byte)(u / nc), (byte)(v / nc));
    }

    /// <summary>A colour as one int (Y, U, V in bytes 2, 1, 0), for a <see cref="TimedValueLog"/>.</summary>
    public static int Pack(YuvColor color) => (color.Y << 16) | (color.U << 8) | color.V;
}
