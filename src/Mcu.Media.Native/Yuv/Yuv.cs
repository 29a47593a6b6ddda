using Mcu.Media.Native.Interop;
using Mcu.Media.Video;

namespace Mcu.Media.Native;

/// <summary>
/// I420 scaling, copying, filling and conversion to and from packed RGB (libyuv, BT.601 limited
/// range, alpha written as 255). Rectangles inside a canvas must be 2-pixel aligned because each
/// chroma sample covers a 2x2 block of luma.
/// </summary>
public static unsafe class Yuv
{
    /// <summary>Scales all of <paramref name="source"/> into <paramref name="rect"/> of <paramref name="canvas"/>; nothing outside rect changes.</summary>
    /// <exception cref="ArgumentException">The source is empty, or rect is not even-aligned inside the canvas.</exception>
    /// <exception cref="ObjectDisposedException">The canvas is disposed.</exception>
    public static void Scale(scoped in I420View source, I420Frame canvas, PixelRect rect, ScaleFilter filter = ScaleFilter.Box)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        CheckSource(source);
        CheckRect(rect, canvas);
        if ((uint)filter > (uint)ScaleFilter.Box)
        {
            ThrowHelper.ThrowArgument($"Unknown scale filter {(int)filter}.", nameof(filter));
        }

        int rc;
        NativeRect nativeRect = NativeRect.Of(rect);
        fixed (byte* sy = source.Y, su = source.U, sv = source.V)
        fixed (byte* dy = canvas.Y, du = canvas.U, dv = canvas.V)
        {
            rc = NativeMethods.I420Scale(NativeI420.Of(source, sy, su, sv), NativeI420.Of(canvas, dy, du, dv), nativeRect, (int)filter);
        }

        ThrowHelper.ThrowIfFailed(rc);
    }

    /// <summary>Copies an even-sized <paramref name="source"/> unscaled into <paramref name="canvas"/> with its top-left corner at (x, y).</summary>
    /// <exception cref="ArgumentException">The source is empty or odd-sized, or does not fit at an even (x, y).</exception>
    /// <exception cref="ObjectDisposedException">The canvas is disposed.</exception>
    public static void Copy(scoped in I420View source, I420Frame canvas, int x, int y)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        CheckSource(source);
        if (((source.Width | source.Height) & 1) != 0)
        {
            ThrowHelper.ThrowArgument($"An unscaled copy needs an even-sized source (was {source.Width}x{source.Height}).", nameof(source));
        }

        CheckRect(new PixelRect(x, y, source.Width, source.Height), canvas);
        int rc;
        fixed (byte* sy = source.Y, su = source.U, sv = source.V)
        fixed (byte* dy = canvas.Y, du = canvas.U, dv = canvas.V)
        {
            rc = NativeMethods.I420Copy(NativeI420.Of(source, sy, su, sv), NativeI420.Of(canvas, dy, du, dv), x, y);
        }

        ThrowHelper.ThrowIfFailed(rc);
    }

    /// <summary>Fills <paramref name="rect"/> of <paramref name="canvas"/> with one colour.</summary>
    /// <exception cref="ArgumentException">rect is not even-aligned inside the canvas.</exception>
    /// <exception cref="ObjectDisposedException">The canvas is disposed.</exception>
    public static void Fill(I420Frame canvas, PixelRect rect, YuvColor color)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        CheckRect(rect, canvas);
        int rc;
        NativeRect nativeRect = NativeRect.Of(rect);
        fixed (byte* dy = canvas.Y, du = canvas.U, dv = canvas.V)
        {
            rc = NativeMethods.I420Fill(NativeI420.Of(canvas, dy, du, dv), nativeRect, color.Y, color.U, color.V);
        }

        ThrowHelper.ThrowIfFailed(rc);
    }

    /// <summary>
    /// Converts <paramref name="source"/> into packed pixels of the same size, <paramref name="stride"/>
    /// bytes per row (at least width x 4).
    /// </summary>
    /// <exception cref="ArgumentException">The source is empty, the stride is below a row, or destination is too small.</exception>
    public static void ToPacked(scoped in I420View source, Span<byte> destination, int stride, PackedPixelFormat format)
    {
        CheckSource(source);
        CheckPacked(destination.Length, stride, source.Width, source.Height, format, nameof(destination));
        int rc;
        fixed (byte* sy = source.Y, su = source.U, sv = source.V)
        fixed (byte* output = destination)
        {
            rc = NativeMethods.I420ToPacked(NativeI420.Of(source, sy, su, sv), output, stride, destination.Length, (int)format);
        }

        ThrowHelper.ThrowIfFailed(rc);
    }

    /// <summary>Converts packed pixels of the destination's size (stride bytes per row) into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The stride is below a row or source is too small.</exception>
    /// <exception cref="ObjectDisposedException">The destination is disposed.</exception>
    public static void FromPacked(ReadOnlySpan<byte> source, int stride, PackedPixelFormat format, I420Frame destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckPacked(source.Length, stride, destination.Width, destination.Height, format, nameof(source));
        int rc;
        fixed (byte* input = source)
        fixed (byte* dy = destination.Y, du = destination.U, dv = destination.V)
        {
            rc = NativeMethods.PackedToI420(input, stride, source.Length, (int)format, NativeI420.Of(destination, dy, du, dv));
        }

        ThrowHelper.ThrowIfFailed(rc);
    }

    private static void CheckSource(scoped in I420View source)
    {
        if (source.IsEmpty)
        {
            ThrowHelper.ThrowArgument("The source image is empty.", nameof(source));
        }
    }

    private static void CheckRect(PixelRect rect, I420Frame canvas)
    {
        if (rect.X < 0 || rect.Y < 0 || rect.Width <= 0 || rect.Height <= 0
            || ((rect.X | rect.Y | rect.Width | rect.Height) & 1) != 0
            || (long)rect.X + rect.Width > canvas.Width || (long)rect.Y + rect.Height > canvas.Height)
        {
            ThrowBadRect(rect, canvas);
        }
    }

    private static void ThrowBadRect(PixelRect rect, I420Frame canvas) => ThrowHelper.ThrowArgument(
        $"The rectangle {rect.Width}x{rect.Height} at ({rect.X}, {rect.Y}) must lie inside the {canvas.Width}x{canvas.Height} canvas with even position and size.",
        nameof(rect));

    private static void CheckPacked(int length, int stride, int width, int height, PackedPixelFormat format, string paramName)
    {
        if ((uint)format > (uint)PackedPixelFormat.Argb)
        {
            ThrowHelper.ThrowArgument($"Unknown packed pixel format {(int)format}.", nameof(format));
        }

        long row = (long)width * 4;
        if (stride < row)
        {
            ThrowHelper.ThrowArgument($"The stride ({stride}) is smaller than a row of {width} pixels ({row} bytes).", nameof(stride));
        }

        long needed = ((long)stride * (height - 1)) + row;
        if (length < needed)
        {
            ThrowHelper.ThrowArgument($"The packed buffer holds {length} bytes but {width}x{height} at stride {stride} needs {needed}.", paramName);
        }
    }
}
