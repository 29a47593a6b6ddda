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
            return PictureSampler.Sample(_frame.AsView(), fx, fy, half);
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
