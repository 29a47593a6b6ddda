using Mcu.Media.Native;
using Mcu.Media.Synthetic;

namespace Mcu.Client.Sending;

/// <summary>
/// Opus frames of the bot's tone (digital silence at 0 Hz): encoded live, or, for load-test bots
/// (<see cref="MediaBotOptions.LoopAudio"/>) with a whole-hertz tone, one second encoded once and
/// looped: a live Opus encode per bot costs more than the server's whole audio work for it.
/// </summary>
internal sealed class AudioSource : IDisposable
{
    public const int FrameSamples = 960;
    private const int LoopFrames = 50; // one second: a whole-hertz tone repeats exactly

    private readonly double _hertz;
    private readonly OpusEncoder? _encoder;
    private readonly byte[][]? _loop;
    private readonly short[] _pcm = new short[FrameSamples];
    private readonly byte[] _packet = new byte[OpusEncoder.MaxPacketSize];

    public AudioSource(MediaBotOptions options)
    {
        _hertz = options.ToneHertz;
        var encoder = new OpusEncoder(new OpusEncoderSettings { Complexity = 5 });
        if (!options.LoopAudio || _hertz != Math.Floor(_hertz))
        {
            _encoder = encoder;
            return;
        }
        using (encoder)
        {
            // Two seconds encoded, the second one kept: its first frame was encoded after a second
            // of the same signal, as it is heard after the loop's last frame, so the loop has no seam.
            _loop = new byte[LoopFrames][];
            for (var frame = 0; frame < 2 * LoopFrames; frame++)
            {
                var length = Encode(encoder, frame);
                if (frame >= LoopFrames)
                {
                    _loop[frame - LoopFrames] = _packet.AsSpan(0, length).ToArray();
                }
            }
        }
    }

    /// <summary>Whether the frames come from the encoded loop rather than a live encoder.</summary>
    public bool IsLooped => _loop is not null;

    /// <summary>The Opus packet of 20 ms frame <paramref name="frame"/> counted from the start; valid until the next call.</summary>
    public ReadOnlySpan<byte> Next(long frame) =>
        _loop is not null ? _loop[frame % LoopFrames] : _packet.AsSpan(0, Encode(_encoder!, frame));

    public void Dispose() => _encoder?.Dispose();

    private int Encode(OpusEncoder encoder, long frame)
    {
        SyntheticAudio.Tone(_pcm, 1, 48_000, _hertz, 0.3, frame * FrameSamples);
        return encoder.Encode(_pcm, _packet);
    }
}
