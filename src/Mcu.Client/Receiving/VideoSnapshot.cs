using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Client.Receiving;

/// <summary>A copy of the last decoded picture, read from any thread.</summary>
internal sealed class VideoSnapshot : IDisposable
{
    private readonly Lock _lock = new();
    private I420Frame? _frame;

    public void Store(in I420View picture)
    {
        lock (_lock)
        {
            if (_frame is null || _frame.Width != (picture.Width & ~1) || _frame.Height != (picture.Height & ~1))
            {
                _frame?.Dispose();
                _frame = I420Frame.Allocate(picture.Width & ~1, picture.Height & ~1);
            }
            Yuv.Copy(picture.Crop(new PixelRect(0, 0, _frame.Width, _frame.Height)), _frame, 0, 0);
        }
    }

    /// <summary>The picture's size, or (0, 0) before the first frame.</summary>
    public (int Width, int Height) Size
    {
        get
        {
            lock (_lock)
            {
                return _frame is null ? (0, 0) : (_frame.Width, _frame.Height);
            }
        }
    }

    /// <summary>The last picture converted to BGRA, or null before the first.</summary>
    public BgraPicture? CopyBgra()
    {
        lock (_lock)
        {
            if (_frame is null)
            {
                return null;
            }
            var pixels = new byte[_frame.Width * _frame.Height * 4];
            Yuv.ToPacked(_frame.AsView(), pixels, _frame.Width * 4, PackedPixelFormat.Bgra);
            return new BgraPicture(_frame.Width, _frame.Height, pixels);
        }
    }

    /// <summary>The mean colour of a small square centred at a fraction of the picture's width and height.</summary>
    public YuvColor? Sample(double fx, double fy, int half = 4)
    {
        lock (_lock)
        {
            if (_frame is null)
            {
                return null;
            }
            var cx = Math.Clamp((int)(fx * _frame.Width), half, _frame.Width - half - 1) & ~1;
            var cy = Math.Clamp((int)(fy * _frame.Height), half, _frame.Height - half - 1) & ~1;
            long y = 0, u = 0, v = 0, n = 0, nc = 0;
            for (var row = cy - half; row < cy + half; row++)
            {
                for (var col = cx - half; col < cx + half; col++)
                {
                    y += _frame.Y[(row * _frame.StrideY) + col];
                    n++;
                    if ((row & 1) == 0 && (col & 1) == 0)
                    {
                        u += _frame.U[(row / 2 * _frame.StrideUV) + (col / 2)];
                        v += _frame.V[(row / 2 * _frame.StrideUV) + (col / 2)];
                        nc++;
                    }
                }
            }
            return new YuvColor((byte)(y / n), (byte)(u / nc), (byte)(v / nc));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _frame?.Dispose();
            _frame = null;
        }
    }
}
