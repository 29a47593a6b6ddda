using Mcu.Media.Native.Interop;
using Mcu.Media.Video;

namespace Mcu.Media.Native;

/// <summary>
/// A VP8 decoder (libavcodec's, as ffmpeg uses) that hands out its own planes without copying,
/// and lets a caller keep a picture (<see cref="KeepPicture"/>) while it decodes on. Bad input never throws:
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
    /// <exception cref="NativeCodecException">libavcodec could not create the decoder.</exception>
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
    /// <exception cref="NativeCodecException">The decoder failed for a reason other than bad data (e.g. out of memory).</exception>
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

    /// <summary>
    /// Hands the picture of the last <see cref="Decode"/> (which returned <see cref="Vp8DecodeStatus.Decoded"/>
    /// or <see cref="Vp8DecodeStatus.Corrupted"/> with a picture) over to the caller without copying. It
    /// stays valid and unchanged on any thread until disposed, also after this decoder is disposed;
    /// later decodes write elsewhere. The view Decode gave out now lives as long as the picture.
    /// </summary>
    /// <exception cref="InvalidOperationException">The last decode made no picture, or it was kept already.</exception>
    /// <exception cref="ObjectDisposedException">The decoder is disposed.</exception>
    public Vp8Picture KeepPicture()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        int rc = NativeMethods.Vp8DecoderKeepPicture(_handle, out nint picture, out NativeI420 planes);
        if (rc == (int)NativeErrorCode.InvalidArgument)
        {
            throw new InvalidOperationException("The last decode made no picture to keep, or it was kept already.");
        }

        ThrowHelper.ThrowIfFailed(rc);
        return Vp8Picture.Own(picture, planes);
    }

    /// <summary>Frees the decoder; harmless when repeated.</summary>
    public void Dispose() => _handle.Dispose();
}
