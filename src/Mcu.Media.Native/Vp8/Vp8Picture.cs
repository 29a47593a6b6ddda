using System.Collections.Concurrent;
using Mcu.Media.Native.Interop;
using Mcu.Media.Video;

namespace Mcu.Media.Native;

/// <summary>
/// A decoded picture kept from a <see cref="Vp8Decoder"/> (<see cref="Vp8Decoder.KeepPicture"/>):
/// the decoder's own reference-counted buffers, valid on any thread until disposed. A picture of
/// odd size shows its even part, as the compositor draws even sizes. Disposing releases the
/// buffers to the decoder's pool and this object to a pool of its own, so keeping a picture per
/// frame allocates nothing managed; keep no reference after disposing.
/// </summary>
public sealed unsafe class Vp8Picture : IPicture, IDisposable
{
    private static readonly ConcurrentQueue<Vp8Picture> Idle = new();

    private nint _handle;
    private NativeI420 _planes;

    private Vp8Picture()
    {
    }

    /// <summary>Releases the buffers of a picture that was never disposed.</summary>
    ~Vp8Picture() => ReleaseNative();

    /// <inheritdoc/>
    public int Width { get; private set; }

    /// <inheritdoc/>
    public int Height { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The picture was disposed.</exception>
    public I420View AsView()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _handle) == 0, this);
        return new I420View(
            new ReadOnlySpan<byte>(_planes.Y, _planes.SizeY), _planes.StrideY,
            new ReadOnlySpan<byte>(_planes.U, _planes.SizeU), _planes.StrideU,
            new ReadOnlySpan<byte>(_planes.V, _planes.SizeV), _planes.StrideV,
            Width, Height);
    }

    /// <summary>Releases the buffers; harmless when repeated.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA1816", Justification = "The pool hands this object out again, so its finalizer stays registered; on a released picture it does nothing.")]
    public void Dispose()
    {
        if (ReleaseNative())
        {
            Idle.Enqueue(this);
        }
    }

    internal static Vp8Picture Own(nint handle, in NativeI420 planes)
    {
        if (!Idle.TryDequeue(out Vp8Picture? picture))
        {
            picture = new Vp8Picture();
        }

        picture._planes = planes;
        picture.Width = planes.Width & ~1;
        picture.Height = planes.Height & ~1;
        Volatile.Write(ref picture._handle, handle);
        return picture;
    }

    private bool ReleaseNative()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle == 0)
        {
            return false;
        }

        NativeMethods.Vp8PictureRelease(handle);
        return true;
    }
}
