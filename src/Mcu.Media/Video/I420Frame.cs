using System.Runtime.InteropServices;

namespace Mcu.Media.Video;

/// <summary>
/// An even-sized I420 image in one block of 64-byte-aligned native memory; every plane and row
/// starts on a 64-byte boundary so SIMD code (libyuv, libvpx) reads it at full speed.
/// </summary>
/// <remarks>
/// A frame has one owner at a time and is not thread-safe. <see cref="Dispose"/> hands a pooled
/// frame back to its <see cref="I420FramePool"/> (or frees the memory); a second Dispose does
/// nothing, and the planes throw <see cref="ObjectDisposedException"/> until the pool rents the
/// frame out again. Keep no reference after disposing: the pool reuses the object.
/// </remarks>
public sealed unsafe class I420Frame : IPicture, IDisposable
{
    /// <summary>Alignment of the memory block, of every plane and of every row.</summary>
    public const int Alignment = 64;

    private readonly I420FramePool? _pool;
    private readonly int _offsetU;
    private readonly int _offsetV;
    private readonly int _byteCount;
    private byte* _memory;
    private int _released;

    private I420Frame(int width, int height, I420FramePool? pool)
    {
        Width = width;
        Height = height;
        StrideY = AlignUp(width);
        StrideUV = AlignUp(width / 2);
        _offsetU = StrideY * height;
        _offsetV = _offsetU + (StrideUV * (height / 2));
        _byteCount = _offsetV + (StrideUV * (height / 2));
        _pool = pool;
        _memory = (byte*)NativeMemory.AlignedAlloc((nuint)_byteCount, Alignment);
        GC.AddMemoryPressure(_byteCount);
    }

    /// <summary>Frees the memory of a frame that was never disposed.</summary>
    ~I420Frame() => FreeMemory();

    /// <summary>Width in luma pixels (even).</summary>
    public int Width { get; }

    /// <summary>Height in luma pixels (even).</summary>
    public int Height { get; }

    /// <summary>Bytes from one luma row to the next (a multiple of 64).</summary>
    public int StrideY { get; }

    /// <summary>Bytes from one Cb or Cr row to the next (a multiple of 64).</summary>
    public int StrideUV { get; }

    /// <summary>Width of the chroma planes.</summary>
    public int ChromaWidth => Width / 2;

    /// <summary>Height of the chroma planes.</summary>
    public int ChromaHeight => Height / 2;

    /// <summary>The luma plane, <see cref="StrideY"/> x <see cref="Height"/> bytes.</summary>
    public Span<byte> Y => new(Memory, _offsetU);

    /// <summary>The Cb plane, <see cref="StrideUV"/> x <see cref="ChromaHeight"/> bytes.</summary>
    public Span<byte> U => new(Memory + _offsetU, _offsetV - _offsetU);

    /// <summary>The Cr plane, <see cref="StrideUV"/> x <see cref="ChromaHeight"/> bytes.</summary>
    public Span<byte> V => new(Memory + _offsetV, _byteCount - _offsetV);

    private byte* Memory
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _released) != 0, this);
            return _memory;
        }
    }

    /// <summary>Allocates a frame that belongs to no pool; Dispose frees it.</summary>
    /// <exception cref="ArgumentException">The size is not even or out of range.</exception>
    public static I420Frame Allocate(int width, int height)
    {
        CheckSize(width, height);
        return new I420Frame(width, height, pool: null);
    }

    /// <summary>A read-only view of the planes, valid while this frame is not disposed.</summary>
    public I420View AsView()
    {
        byte* memory = Memory;
        return new I420View(
            new ReadOnlySpan<byte>(memory, _offsetU), StrideY,
            new ReadOnlySpan<byte>(memory + _offsetU, _offsetV - _offsetU), StrideUV,
            new ReadOnlySpan<byte>(memory + _offsetV, _byteCount - _offsetV), StrideUV,
            Width, Height);
    }

    /// <summary>Returns the frame to its pool, or frees it. Harmless when repeated.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        if (_pool is null || !_pool.TryReturn(this))
        {
            FreeMemory();
            GC.SuppressFinalize(this);
        }
    }

    internal static I420Frame CreatePooled(int width, int height, I420FramePool pool) => new(width, height, pool);

    internal static void CheckSize(int width, int height)
    {
        if (width <= 0 || height <= 0 || width > I420View.MaxDimension || height > I420View.MaxDimension
            || ((width | height) & 1) != 0)
        {
            ThrowHelper.ThrowArgument(
                $"An I420 frame must have an even width and height between 2 and {I420View.MaxDimension - 1} (was {width}x{height}).",
                nameof(width));
        }
    }

    /// <summary>Marks a pooled frame as owned again when the pool hands it out.</summary>
    internal void Revive() => Volatile.Write(ref _released, 0);

    /// <summary>Frees the memory; the pool calls it for idle frames it drops. Safe to repeat.</summary>
    internal void FreeMemory()
    {
        byte* memory = _memory;
        if (memory is null)
        {
            return;
        }

        _memory = null;
        NativeMemory.AlignedFree(memory);
        GC.RemoveMemoryPressure(_byteCount);
    }

    private static int AlignUp(int value) => (value + Alignment - 1) & ~(Alignment - 1);
}
