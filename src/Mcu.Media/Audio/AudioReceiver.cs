using Mcu.Media.Codecs;
using Mcu.Rtp;

namespace Mcu.Media.Audio;

/// <summary>
/// One participant's incoming audio: an <see cref="AudioJitterBuffer"/> and a decoder that turn
/// RTP payloads (an Opus payload is exactly one Opus packet, RFC 7587 section 4.2) into exactly
/// one 20 ms frame of 48 kHz mono PCM per room clock tick, whatever the network does: decoded,
/// recovered from the next packet's in-band FEC, concealed for a bounded run, then silence.
/// Packets of any duration from 2.5 to 120 ms are decoded into a small FIFO. Packets the sender
/// marks as digital silence (RFC 6464 level 127, e.g. a muted browser track, which keeps sending
/// 50 a second) are played as zeros without decoding once one of them has decoded to nothing
/// audible. Nothing allocates per packet or tick. Not thread-safe; the decoder stays owned by
/// the caller.
/// </summary>
public sealed class AudioReceiver
{
    // One 120 ms packet (the longest, RFC 6716 section 3.4 R5) on top of a partly filled tick.
    private const int FifoCapacity = 5_760 + AudioFormat.FrameSamples;

    // Silence as libopus decodes it with FEC on: a step or two either side of zero (-84 dBov).
    private const short InaudiblePeak = 2;

    private readonly IAudioDecoder _decoder;
    private readonly AudioJitterBuffer _buffer;
    private readonly short[] _fifo = new short[FifoCapacity];
    private readonly short[] _frame = new short[AudioFormat.FrameSamples];
    private readonly int _maxConcealedSamples;
    private int _fifoCount;
    private int _concealedSamples;
    private bool _decodedAny;
    private bool _decodedSilence;
    private byte? _lastReportedLevel;

    /// <summary>Creates a receiver around a 48 kHz mono decoder (stereo streams decode to mono).</summary>
    /// <exception cref="ArgumentException">The decoder is not 48 kHz mono, or a setting is out of range.</exception>
    public AudioReceiver(IAudioDecoder decoder, AudioReceiverSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (decoder.SampleRate != AudioFormat.SampleRate || decoder.Channels != AudioFormat.Channels)
        {
            ThrowHelper.ThrowArgument(
                $"The receiver needs a 48000 Hz mono decoder (was {decoder.SampleRate} Hz, {decoder.Channels} channel(s)).", nameof(decoder));
        }

        settings ??= new AudioReceiverSettings();
        settings.Validate();
        _decoder = decoder;
        _buffer = new AudioJitterBuffer(settings.JitterBuffer);
        _maxConcealedSamples = (int)(settings.MaxConcealment.Ticks * AudioFormat.SampleRate / TimeSpan.TicksPerSecond);
    }

    /// <summary>The jitter buffer, for its delay and counters.</summary>
    public AudioJitterBuffer JitterBuffer => _buffer;

    /// <summary>The frame the last <see cref="Tick"/> produced (960 samples).</summary>
    public ReadOnlySpan<short> Frame => _frame;

    /// <summary>Packets decoded.</summary>
    public long DecodedPackets { get; private set; }

    /// <summary>Gaps recovered from in-band FEC.</summary>
    public long FecRecoveries { get; private set; }

    /// <summary>Steps of playout concealed.</summary>
    public long Concealments { get; private set; }

    /// <summary>Packets marked as digital silence that were played as zeros without decoding.</summary>
    public long SilentPacketsSkipped { get; private set; }

    /// <summary>Buffered packets the decoder refused (concealed instead).</summary>
    public long DecodeFailures { get; private set; }

    /// <summary>
    /// Buffers one RTP payload; <paramref name="audioLevel"/> is the packet's RFC 6464 level
    /// (-dBov, 0..127) when it carried that header extension. Malformed payloads are counted and
    /// dropped, never thrown.
    /// </summary>
    public AudioJitterInsertResult Insert(ushort sequenceNumber, uint timestamp, TimeSpan arrival, ReadOnlySpan<byte> payload, byte? audioLevel = null) =>
        _buffer.Insert(sequenceNumber, timestamp, arrival, payload, _decoder.GetSamplesPerChannel(payload), audioLevel);

    /// <summary>
    /// Produces this tick's 20 ms into <see cref="Frame"/>. <paramref name="now"/> is the tick's
    /// scheduled time on the room clock; a tick never waits for a packet.
    /// </summary>
    public AudioFrameInfo Tick(TimeSpan now)
    {
        AudioFrameKind kind = AudioFrameKind.Silence;
        while (_fifoCount < AudioFormat.FrameSamples)
        {
            AudioJitterFrame step = _buffer.Pop(now);
            if (step.Status == AudioJitterStatus.NoData)
            {
                break;
            }

            AudioFrameKind produced = Produce(step, _fifo.AsSpan(_fifoCount));
            if (produced > kind)
            {
                kind = produced;
            }
        }

        int played = Math.Min(_fifoCount, AudioFormat.FrameSamples);
        _fifo.AsSpan(0, played).CopyTo(_frame);
        _frame.AsSpan(played).Clear();
        _fifo.AsSpan(played, _fifoCount - played).CopyTo(_fifo);
        _fifoCount -= played;

        bool real = kind is AudioFrameKind.Decoded or AudioFrameKind.FecRecovered;
        return new AudioFrameInfo(kind, AudioLevel.Dbov(_frame), real ? _lastReportedLevel : null);
    }

    /// <summary>Forgets the stream (a new SSRC) and any audio not yet played; counters are kept.</summary>
    public void Reset()
    {
        _buffer.Reset();
        _fifoCount = 0;
        _concealedSamples = 0;
        _decodedAny = false;
        _decodedSilence = false;
        _lastReportedLevel = null;
    }

    private AudioFrameKind Produce(AudioJitterFrame step, Span<short> free)
    {
        int samples;
        // Only a run of digital silence that has decoded to (next to) nothing continues without
        // the decoder, so its state is that of silence, as if it had decoded the whole run.
        bool afterSilence = _decodedSilence;
        _decodedSilence = false;
        if (step.Status == AudioJitterStatus.Packet)
        {
            bool markedSilent = step.AudioLevel == AudioLevelExtension.Silence;
            if (markedSilent && afterSilence && step.Samples > 0 && step.Samples <= free.Length)
            {
                free[..step.Samples].Clear();
                SilentPacketsSkipped++;
                _decodedSilence = true;
                _lastReportedLevel = step.AudioLevel;
                return Real(step.Samples, AudioFrameKind.Decoded);
            }

            if (_decoder.TryDecode(step.Payload, free, out samples) && samples > 0)
            {
                DecodedPackets++;
                _decodedSilence = markedSilent && !free[..samples].ContainsAnyExceptInRange((short)-InaudiblePeak, InaudiblePeak);
                _lastReportedLevel = step.AudioLevel;
                return Real(samples, AudioFrameKind.Decoded);
            }

            DecodeFailures++;
        }
        else if (step.NextPacketPresent
            && _decoder.TryDecodeFec(step.Payload, free[..step.Samples], out samples) && samples > 0)
        {
            FecRecoveries++;
            return Real(samples, AudioFrameKind.FecRecovered);
        }

        Span<short> gap = free[..step.Samples];
        _fifoCount += gap.Length;
        if (_decodedAny && _concealedSamples < _maxConcealedSamples)
        {
            Concealments++;
            _decoder.Conceal(gap);
            _concealedSamples += gap.Length;
            return AudioFrameKind.Concealed;
        }

        gap.Clear();
        return AudioFrameKind.Silence;
    }

    private AudioFrameKind Real(int samples, AudioFrameKind kind)
    {
        _fifoCount += samples;
        _concealedSamples = 0;
        _decodedAny = true;
        return kind;
    }
}
