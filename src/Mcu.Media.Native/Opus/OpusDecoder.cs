using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native;

/// <summary>
/// An Opus decoder (libopus) to 16-bit interleaved PCM, with packet-loss concealment and in-band
/// FEC recovery. Malformed packets return false instead of throwing. Not thread-safe.
/// </summary>
public sealed unsafe class OpusDecoder : IDisposable
{
    private readonly OpusDecoderHandle _handle;

    /// <summary>Creates a decoder for a sample rate (8000, 12000, 16000, 24000 or 48000 Hz) and 1 or 2 channels.</summary>
    /// <exception cref="ArgumentException">The rate or channel count is not supported.</exception>
    /// <exception cref="NativeCodecException">libopus could not create the decoder.</exception>
    public OpusDecoder(int sampleRate = 48_000, int channels = 1)
    {
        if (sampleRate is not (8_000 or 12_000 or 16_000 or 24_000 or 48_000))
        {
            ThrowHelper.ThrowArgument($"The sample rate must be 8000, 12000, 16000, 24000 or 48000 Hz (was {sampleRate}).", nameof(sampleRate));
        }

        if (channels is not (1 or 2))
        {
            ThrowHelper.ThrowArgument($"The channel count must be 1 or 2 (was {channels}).", nameof(channels));
        }

        int rc = NativeMethods.OpusDecoderCreate(sampleRate, channels, out _handle);
        if (rc < 0)
        {
            _handle.Dispose();
            ThrowHelper.ThrowNative(rc);
        }

        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>Samples per second per channel.</summary>
    public int SampleRate { get; }

    /// <summary>Channels in the interleaved output.</summary>
    public int Channels { get; }

    /// <summary>
    /// Decodes a packet into <paramref name="pcm"/>; false (and nothing decoded) when the packet is
    /// malformed or longer than pcm. 120 ms of samples holds any packet.
    /// </summary>
    /// <exception cref="ArgumentException">pcm is empty or not a whole number of channel samples.</exception>
    /// <exception cref="ObjectDisposedException">The decoder is disposed.</exception>
    public bool TryDecode(ReadOnlySpan<byte> packet, Span<short> pcm, out int samplesPerChannel)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        CheckPcm(pcm);
        samplesPerChannel = 0;
        return !packet.IsEmpty && Decode(packet, pcm, fec: false, out samplesPerChannel);
    }

    /// <summary>
    /// Conceals one lost packet (libopus PLC): fills all of <paramref name="pcm"/>, whose duration
    /// must be a multiple of 2.5 ms up to 120 ms, and returns the samples per channel.
    /// </summary>
    /// <exception cref="ArgumentException">The pcm duration is not a multiple of 2.5 ms up to 120 ms.</exception>
    /// <exception cref="ObjectDisposedException">The decoder is disposed.</exception>
    public int Conceal(Span<short> pcm)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        CheckSynthesisLength(pcm);
        int rc;
        int samples;
        fixed (short* output = pcm)
        {
            rc = NativeMethods.OpusDecoderDecode(_handle, null, 0, output, pcm.Length / Channels, 0, out samples);
        }

        ThrowHelper.ThrowIfFailed(rc);
        return samples;
    }

    /// <summary>
    /// Recovers the packet lost just before <paramref name="nextPacket"/> from the in-band FEC that
    /// packet carries, filling all of <paramref name="pcm"/> (the lost duration, a multiple of
    /// 2.5 ms). Without FEC data libopus conceals instead. False when nextPacket is malformed.
    /// Decode nextPacket itself afterwards as usual.
    /// </summary>
    /// <exception cref="ArgumentException">The pcm duration is not a multiple of 2.5 ms up to 120 ms.</exception>
    /// <exception cref="ObjectDisposedException">The decoder is disposed.</exception>
    public bool TryDecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, out int samplesPerChannel)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        CheckSynthesisLength(pcm);
        samplesPerChannel = 0;
        return !nextPacket.IsEmpty && Decode(nextPacket, pcm, fec: true, out samplesPerChannel);
    }

    /// <summary>Frees the libopus decoder; harmless when repeated.</summary>
    public void Dispose() => _handle.Dispose();

    private bool Decode(ReadOnlySpan<byte> packet, Span<short> pcm, bool fec, out int samplesPerChannel)
    {
        int rc;
        fixed (byte* data = packet)
        fixed (short* output = pcm)
        {
            rc = NativeMethods.OpusDecoderDecode(_handle, data, packet.Length, output, pcm.Length / Channels, fec ? 1 : 0, out samplesPerChannel);
        }

        switch ((NativeErrorCode)rc)
        {
            case NativeErrorCode.Ok:
                return true;
            case NativeErrorCode.InvalidPacket or NativeErrorCode.BufferTooSmall:
                return false;
            default:
                ThrowHelper.ThrowNative(rc);
                return false;
        }
    }

    private void CheckPcm(Span<short> pcm)
    {
        if (pcm.IsEmpty || pcm.Length % Channels != 0)
        {
            ThrowHelper.ThrowArgument($"The pcm buffer ({pcm.Length} samples) must hold a positive whole number of {Channels}-channel samples.", nameof(pcm));
        }
    }

    private void CheckSynthesisLength(Span<short> pcm)
    {
        CheckPcm(pcm);
        int perChannel = pcm.Length / Channels;
        int step = SampleRate / 400;
        if (perChannel % step != 0 || perChannel > SampleRate / 1000 * 120)
        {
            ThrowHelper.ThrowArgument(
                $"Concealment and FEC fill a multiple of 2.5 ms up to 120 ms ({step} samples per channel steps at {SampleRate} Hz); the pcm holds {perChannel}.",
                nameof(pcm));
        }
    }
}
