namespace Mcu.Media.Video;

/// <summary>
/// A read-only look at the three planes of an I420 image owned by someone else: an
/// <see cref="I420Frame"/>, or a decoder whose planes stay valid only until its next decode.
/// </summary>
/// <remarks>
/// Chroma planes are ceil(width / 2) x ceil(height / 2): decoders may deliver odd sizes. Each plane
/// span covers stride * (rows - 1) + row width bytes, so the last row needs no padding.
/// </remarks>
public readonly ref struct I420View
{
    /// <summary>The largest width or height accepted (VP8's 14-bit size field).</summary>
    public const int MaxDimension = 16383;

    /// <summary>Creates a view, checking that every plane covers its rows.</summary>
    /// <exception cref="ArgumentException">A size, stride or plane length does not fit.</exception>
    public I420View(
        ReadOnlySpan<byte> y, int strideY,
        ReadOnlySpan<byte> u, int strideU,
        ReadOnlySpan<byte> v, int strideV,
        int width, int height)
    {
        if (width <= 0 || height <= 0 || width > MaxDimension || height > MaxDimension)
        {
            ThrowHelper.ThrowArgument($"An I420 image must be 1..{MaxDimension} pixels each way (was {width}x{height}).", nameof(width));
        }

        int chromaWidth = (width + 1) >> 1;
        int chromaHeight = (height + 1) >> 1;
        CheckPlane(y.Length, strideY, width, height, nameof(y));
        CheckPlane(u.Length, strideU, chromaWidth, chromaHeight, nameof(u));
        CheckPlane(v.Length, strideV, chromaWidth, chromaHeight, nameof(v));
        Y = y;
        U = u;
        V = v;
        StrideY = strideY;
        StrideU = strideU;
        StrideV = strideV;
        Width = width;
        Height = height;
    }

    /// <summary>The luma plane.</summary>
    public ReadOnlySpan<byte> Y { get; }

    /// <summary>The Cb plane.</summary>
    public ReadOnlySpan<byte> U { get; }

    /// <summary>The Cr plane.</summary>
    public ReadOnlySpan<byte> V { get; }

    /// <summary>Bytes from one luma row to the next.</summary>
    public int StrideY { get; }

    /// <summary>Bytes from one Cb row to the next.</summary>
    public int StrideU { get; }

    /// <summary>Bytes from one Cr row to the next.</summary>
    public int StrideV { get; }

    /// <summary>Width in luma pixels; 0 for the default (empty) view.</summary>
    public int Width { get; }

    /// <summary>Height in luma pixels; 0 for the default (empty) view.</summary>
    public int Height { get; }

    /// <summary>Width of the chroma planes.</summary>
    public int ChromaWidth => (Width + 1) >> 1;

    /// <summary>Height of the chroma planes.</summary>
    public int ChromaHeight => (Height + 1) >> 1;

    /// <summary>True for the default view, which holds no image.</summary>
    public bool IsEmpty => Width == 0;

    /// <summary>
    /// A view of part of this image without copying, e.g. to scale a centre crop into a tile of
    /// another aspect ratio. X and Y must be even so that the chroma planes stay aligned.
    /// </summary>
    /// <exception cref="ArgumentException">rect is empty, outside the image, or at an odd position.</exception>
    public I420View Crop(PixelRect rect)
    {
        if (rect.X < 0 || rect.Y < 0 || rect.Width <= 0 || rect.Height <= 0 || ((rect.X | rect.Y) & 1) != 0
            || (long)rect.X + rect.Width > Width || (long)rect.Y + rect.Height > Height)
        {
            ThrowHelper.ThrowArgument(
                $"The crop {rect.Width}x{rect.Height} at ({rect.X}, {rect.Y}) must lie inside the {Width}x{Height} image at an even position.",
                nameof(rect));
        }

        int chromaX = rect.X / 2;
        int chromaY = rect.Y / 2;
        return new I420View(
            Y[((rect.Y * StrideY) + rect.X)..], StrideY,
            U[((chromaY * StrideU) + chromaX)..], StrideU,
            V[((chromaY * StrideV) + chromaX)..], StrideV,
            rect.Width, rect.Height);
    }

    /// <summary>Bytes a plane of rows x rowBytes at stride needs: the last row is not padded.</summary>
    public static long PlaneExtent(int stride, int rows, int rowBytes) => ((long)stride * (rows - 1)) + rowBytes;

    private static void CheckPlane(int length, int stride, int rowBytes, int rows, string plane)
    {
        if (stride < rowBytes)
        {
            ThrowHelper.ThrowArgument($"The {plane} stride ({stride}) is smaller than its row ({rowBytes} bytes).", plane);
        }

        long needed = PlaneExtent(stride, rows, rowBytes);
        if (length < needed)
        {
            ThrowHelper.ThrowArgument($"The {plane} plane holds {length} bytes but {rows} rows at stride {stride} need {needed}.", plane);
        }
    }
}
