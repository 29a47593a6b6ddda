using Mcu.Media.Native.Interop;
using Mcu.Media.Video;

namespace Mcu.Media.Native;

/// <summary>
/// A realtime CBR VP8 encoder (libvpx). One frame in, at most one compressed frame out, no
/// look-ahead. Not thread-safe: use it from one encoder worker.
/// </summary>
public sealed unsafe class Vp8Encoder : IDisposable
{
    private readonly Vp8EncoderHandle _handle;
    private long _lastPts;
    private bool _hasLastPts;
    private bool _keyframeRequested;

    /// <summary>Creates an encoder.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="NativeCodecException">libvpx refused the configuration.</exception>
    public Vp8Encoder(Vp8EncoderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int rc = NativeMethods.Vp8EncoderCreate(settings.ToNative(), out _handle);
        if (rc < 0)
        {
            _handle.Dispose();
            ThrowHelper.ThrowNative(rc);
        }

        Settings = settings;
        BitrateBps = settings.BitrateBps;
    }

    /// <summary>The settings the encoder was created with.</summary>
    public Vp8EncoderSettings Settings { get; }

    /// <summary>The current CBR target in bits per second.</summary>
    public int BitrateBps { get; private set; }

    /// <summary>
    /// Encodes one frame of the configured size. <paramref name="pts"/> is in 90 kHz units (the
    /// RTP video clock) and must increase; rate control budgets each frame by the gap to the last.
    /// The result points into encoder memory and is valid until the next call or Dispose.
    /// </summary>
    /// <exception cref="ArgumentException">The frame size differs from the settings, or pts did not increase.</exception>
    /// <exception cref="ObjectDisposedException">The encoder is disposed.</exception>
    /// <exception cref="NativeCodecException">libvpx failed.</exception>
    public Vp8EncodedFrame Encode(scoped in I420View frame, long pts)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (frame.Width != Settings.Width || frame.Height != Settings.Height)
        {
            ThrowWrongSize(frame.Width, frame.Height);
        }

        if (_hasLastPts && pts <= _lastPts)
        {
            ThrowHelper.ThrowArgument($"The pts must increase: {pts} follows {_lastPts}.", nameof(pts));
        }

        int rc;
        NativeVp8Packet packet;
        fixed (byte* y = frame.Y, u = frame.U, v = frame.V)
        {
            rc = NativeMethods.Vp8EncoderEncode(_handle, NativeI420.Of(frame, y, u, v), pts, _keyframeRequested ? 1 : 0, out packet);
        }

        ThrowHelper.ThrowIfFailed(rc);
        _lastPts = pts;
        _hasLastPts = true;
        bool keyframe = packet.Keyframe != 0;
        if (keyframe)
        {
            _keyframeRequested = false;
        }

        return new Vp8EncodedFrame(new ReadOnlySpan<byte>(packet.Data, packet.Size), keyframe, pts);
    }

    /// <summary>Encodes a whole frame; see <see cref="Encode(in I420View, long)"/>.</summary>
    public Vp8EncodedFrame Encode(I420Frame frame, long pts)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Encode(frame.AsView(), pts);
    }

    /// <summary>Makes the next encoded frame a keyframe (on a PLI/FIR or when a viewer joins).</summary>
    /// <exception cref="ObjectDisposedException">The encoder is disposed.</exception>
    public void RequestKeyframe()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        _keyframeRequested = true;
    }

    /// <summary>Changes the CBR target from the next frame on.</summary>
    /// <exception cref="ArgumentException">The bitrate is out of range.</exception>
    /// <exception cref="ObjectDisposedException">The encoder is disposed.</exception>
    public void SetBitrate(int bitrateBps)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        Vp8EncoderSettings.CheckBitrate(bitrateBps, nameof(bitrateBps));
        ThrowHelper.ThrowIfFailed(NativeMethods.Vp8EncoderSetBitrate(_handle, bitrateBps));
        BitrateBps = bitrateBps;
    }

    /// <summary>Frees the libvpx encoder; harmless when repeated.</summary>
    public void Dispose() => _handle.Dispose();

    private void ThrowWrongSize(int width, int height) => ThrowHelper.ThrowArgument(
        $"The frame is {width}x{height} but the encoder encodes {Settings.Width}x{Settings.Height}.", "frame");
}
