using Mcu.Media.Codecs;
using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native;

/// <summary>An Opus encoder (libopus) for 16-bit interleaved PCM frames. Not thread-safe.</summary>
public sealed unsafe class OpusEncoder : IAudioEncoder
{
    /// <summary>A destination this large never limits a packet (libopus's recommended maximum).</summary>
    public const int MaxPacketSize = 4000;

    private readonly OpusEncoderHandle _handle;

    /// <summary>Creates an encoder.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="NativeCodecException">libopus refused the configuration.</exception>
    public OpusEncoder(OpusEncoderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int rc = NativeMethods.OpusEncoderCreate(settings.ToNative(), out _handle);
        if (rc < 0)
        {
            _handle.Dispose();
            ThrowHelper.ThrowNative(rc);
        }

        Settings = settings;
        FrameSamplesPerChannel = settings.FrameSamplesPerChannel;
    }

    /// <summary>The settings the encoder was created with.</summary>
    public OpusEncoderSettings Settings { get; }

    /// <summary>Samples per second per channel of the input.</summary>
    public int SampleRate => Settings.SampleRate;

    /// <summary>Channels in the interleaved input.</summary>
    public int Channels => Settings.Channels;

    /// <summary>Samples per channel in one frame (960 for 20 ms at 48 kHz).</summary>
    public int FrameSamplesPerChannel { get; }

    /// <summary>
    /// Encodes exactly one frame of interleaved samples into <paramref name="destination"/> and
    /// returns the packet length. The destination length caps the packet: libopus lowers this
    /// frame's bitrate to fit (<see cref="MaxPacketSize"/> never limits; 1275 bytes suffices for
    /// 20 ms). With DTX, a packet of 2 bytes or less is silence that need not be sent.
    /// </summary>
    /// <exception cref="ArgumentException">pcm is not one frame, or destination is empty.</exception>
    /// <exception cref="ObjectDisposedException">The encoder is disposed.</exception>
    /// <exception cref="NativeCodecException">libopus failed.</exception>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (pcm.Length != FrameSamplesPerChannel * Settings.Channels)
        {
            ThrowWrongFrame(pcm.Length);
        }

        if (destination.IsEmpty)
        {
            ThrowHelper.ThrowArgument("The destination for the Opus packet is empty.", nameof(destination));
        }

        int rc;
        int written;
        fixed (short* samples = pcm)
        fixed (byte* output = destination)
        {
            rc = NativeMethods.OpusEncoderEncode(_handle, samples, FrameSamplesPerChannel, output, destination.Length, out written);
        }

        ThrowHelper.ThrowIfFailed(rc);
        return written;
    }

    /// <summary>Changes the target bitrate from the next frame on.</summary>
    /// <exception cref="ArgumentException">The bitrate is out of range.</exception>
    /// <exception cref="ObjectDisposedException">The encoder is disposed.</exception>
    public void SetBitrate(int bitrateBps)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        OpusEncoderSettings.CheckBitrate(bitrateBps, nameof(bitrateBps));
        ThrowHelper.ThrowIfFailed(NativeMethods.OpusEncoderSetBitrate(_handle, bitrateBps));
    }

    /// <summary>Tells the encoder the loss the receivers report, so it sizes its FEC (0..100 %).</summary>
    /// <exception cref="ArgumentException">The percentage is out of range.</exception>
    /// <exception cref="ObjectDisposedException">The encoder is disposed.</exception>
    public void SetPacketLossPercent(int percent)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        OpusEncoderSettings.CheckPacketLoss(percent, nameof(percent));
        ThrowHelper.ThrowIfFailed(NativeMethods.OpusEncoderSetPacketLoss(_handle, percent));
    }

    /// <summary>Frees the libopus encoder; harmless when repeated.</summary>
    public void Dispose() => _handle.Dispose();

    private void ThrowWrongFrame(int length) => ThrowHelper.ThrowArgument(
        $"The pcm holds {length} samples but one {Settings.FrameDuration.TotalMilliseconds} ms frame of {Settings.Channels} channel(s) at {Settings.SampleRate} Hz is {FrameSamplesPerChannel * Settings.Channels}.",
        "pcm");
}
