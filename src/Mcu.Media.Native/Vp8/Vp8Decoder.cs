using Mcu.Media.Native.Interop;
using Mcu.Media.Video;

namespace Mcu.Media.Native;

/// <summary>
/// A VP8 decoder (libvpx) that hands out its own planes without copying. Bad input never throws:
/// it comes back as <see cref="Vp8DecodeStatus.Rejected"/> or <see cref="Vp8DecodeStatus.Corrupted"/>,
/// and the decoder recovers at the next keyframe. Not thread-safe.
/// </summary>
public sealed unsafe class Vp8Decoder : IDisposable
{
    private const int DecodedFrame = 1;
    private const int CorruptedFrame = 2;

    private readonly Vp8DecoderHandle _handle;

    /// <summary>Creates a decoder using 1..16 threads.</summary>
    /// <exception cref="ArgumentOutOfRangeException">threads is out of range.</exception>
    /// <exception cref="NativeCodecException">libvpx could not create the decoder.</exception>
    public Vp8Decoder(int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threads, 16);
        int rc = NativeMethods.Vp8DecoderCreate(threads, out _handle);
        if (rc < 0)
        {
            _handle.Dispose();
            ThrowHelper.ThrowNative(rc);
        }
    }

    /// <summary>
    /// Decodes one complete VP8 frame (RFC 6386). <paramref name="picture"/> points into decoder
    /// memory and is valid until the next Decode or Dispose; it is empty when no picture came out.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The decoder is disposed.</exception>
    /// <exception cref="NativeCodecException">libvpx failed for a reason other than bad data (e.g. out of memory).</exception>
    public Vp8DecodeStatus Decode(ReadOnlySpan<byte> frame, out I420View picture)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        picture = default;
        if (frame.IsEmpty)
        {
            return Vp8DecodeStatus.Rejected;
        }

        int rc;
        NativeI420 image;
        int flags;
        fixed (byte* data = frame)
        {
            rc = NativeMethods.Vp8DecoderDecode(_handle, data, frame.Length, out image, out flags);
        }

        switch ((NativeErrorCode)rc)
        {
            case NativeErrorCode.Ok:
                break;
            case NativeErrorCode.Decode or NativeErrorCode.CorruptFrame or NativeErrorCode.UnsupportedBitstream:
                return Vp8DecodeStatus.Rejected;
            default:
                ThrowHelper.ThrowNative(rc);
                break;
        }

        if ((flags & DecodedFrame) != 0)
        {
            picture = image.ToView();
        }

        return (flags & CorruptedFrame) != 0 ? Vp8DecodeStatus.Corrupted
            : (flags & DecodedFrame) != 0 ? Vp8DecodeStatus.Decoded
            : Vp8DecodeStatus.NoFrame;
    }

    /// <summary>Frees the libvpx decoder; harmless when repeated.</summary>
    public void Dispose() => _handle.Dispose();
}
