using Mcu.Compositor.Layouts;
using Mcu.Media.Video;

namespace Mcu.Compositor;

/// <summary>
/// Where things go on the canvas, in whole pixels: slots, cover crops and contain rectangles.
/// Every position and size is even because each I420 chroma sample covers 2x2 luma pixels.
/// </summary>
public static class SlotGeometry
{
    /// <summary>
    /// The canvas rectangle of a slot. Edges are rounded to the nearest even pixel independently,
    /// so slots that share an edge in the file share it on the canvas, without gaps or overlap.
    /// </summary>
    public static PixelRect SlotRect(LayoutSlot slot, int canvasWidth, int canvasHeight)
    {
        ArgumentNullException.ThrowIfNull(slot);
        (int x, int width) = Span(slot.X, slot.Width, canvasWidth);
        (int y, int height) = Span(slot.Y, slot.Height, canvasHeight);
        return new PixelRect(x, y, width, height);
    }

    /// <summary>
    /// The centred part of a <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/>
    /// picture with the aspect ratio of <paramref name="target"/> (at an even position), which
    /// scaled to the target fills it without distortion.
    /// </summary>
    public static PixelRect CoverCrop(int sourceWidth, int sourceHeight, PixelRect target)
    {
        long wide = (long)sourceWidth * target.Height;
        long tall = (long)sourceHeight * target.Width;
        if (wide > tall)
        {
            int width = Math.Clamp((int)((tall + (target.Height / 2)) / target.Height), 1, sourceWidth);
            return new PixelRect(((sourceWidth - width) / 2) & ~1, 0, width, sourceHeight);
        }

        int height = Math.Clamp((int)((wide + (target.Width / 2)) / target.Width), 1, sourceHeight);
        return new PixelRect(0, ((sourceHeight - height) / 2) & ~1, sourceWidth, height);
    }

    /// <summary>
    /// The largest even-sized rectangle inside <paramref name="target"/> with the picture's
    /// aspect ratio, centred; the rest of the target is letterbox.
    /// </summary>
    public static PixelRect ContainRect(int sourceWidth, int sourceHeight, PixelRect target)
    {
        long wide = (long)sourceWidth * target.Height;
        long tall = (long)sourceHeight * target.Width;
        int width = target.Width;
        int height = target.Height;
        if (wide > tall)
        {
            height = Math.Clamp(Even((double)tall / sourceWidth), 2, target.Height);
        }
        else if (wide < tall)
        {
            width = Math.Clamp(Even((double)wide / sourceHeight), 2, target.Width);
        }

        return new PixelRect(
            target.X + (((target.Width - width) / 2) & ~1),
            target.Y + (((target.Height - height) / 2) & ~1),
            width,
            height);
    }

    private static (int Start, int Length) Span(double position, double size, int canvas)
    {
        int start = Math.Min(Even(position * canvas), canvas - 2);
        int end = Math.Min(Even((position + size) * canvas), canvas);
        return (start, Math.Max(2, end - start));
    }

    private static int Even(double value) => (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2;
}
