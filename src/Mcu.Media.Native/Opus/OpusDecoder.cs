using Mcu.Media.Codecs;
using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native;

/// <summary>
/// An Opus decoder (libopus) to 16-bit interleaved PCM, with packet-loss concealment and in-band
/// FEC recovery. Malformed packets return false instead of throwing. Not thread-safe.
/// </summary>
public sealed unsafe class OpusDecoder : IAudioDecoder
{
    // A packet lasts at most 120 ms (RFC 6716 section 3.4, R5).
    private const int MaxPacketSamples48 = 5_760;

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
    /// The duration of a packet in samples per channel at <see cref="SampleRate"/>, from its TOC
    /// byte and frame count (RFC 6716 sections 3.1 and 3.2.5); 0 when the framing is invalid or
    /// the packet would last more than 120 ms.
    /// </summary>
    public int GetSamplesPerChannel(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return 0;
        }

        int config = packet[0] >> 3;
        int frameSamples48 = config switch
        {
            // SILK-only configurations: 10, 20, 40 or 60 ms.
            < 12 => (config & 3) switch { 0 => 480, 1 => 960, 2 => 1920, _ => 2880 },

            // Hybrid: 10 or 20 ms.
            < 16 => (config & 1) == 0 ? 480 : 960,

            // CELT-only: 2.5, 5, 10 or 20 ms.
            _ => 120 << (config & 3),
        };
        int frames;
        switch (packet[0] & 3)
        {
            case 0:
                frames = 1;
                break;
            case 1 or 2:
                frames = 2;
                break;
            default:
                // Code 3 carries its frame count in the low 6 bits of the second byte.
                if (packet.Length < 2)
                {
                    return 0;
                }

                frames = packet[1] & 0x3F;
                break;
        }

        int samples48 = frames * frameSamples48;
        if (samples48 is 0 or > MaxPacketSamples48)
        {
            return 0;
        }

        return samples48 * SampleRate / 48_000;
    }

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
