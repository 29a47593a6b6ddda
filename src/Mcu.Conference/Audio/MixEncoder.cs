using Mcu.Media.Native;

namespace Mcu.Conference.Audio;

/// <summary>
/// The Opus encoder of one mixed output (the shared mix, or a speaker's mix-minus) that does not
/// run libopus on digital silence it has already gone quiet on. A lone speaker's mix-minus and
/// a room where nobody talks are exact zeros; with DTX, libopus then settles into TOC-only
/// frames of a byte or two after its hangover, and more zeros would cost a full analysis per
/// frame (about as much as speech) to say the same. So once it has produced such a frame for
/// zeros, further zeros repeat that frame without calling it, and the first frame that is not
/// zero goes to libopus again, whose state is the one it had after encoding zeros.
/// </summary>
internal sealed class MixEncoder : IDisposable
{
    private readonly OpusEncoder _encoder = new(OpusEncoderSettings.RoomMix);
    private readonly byte[] _quiet = new byte[2];
    private int _quietLength;

    /// <summary>Frames answered with the repeated silence frame instead of an encode.</summary>
    public long SilentFramesSkipped { get; private set; }

    /// <summary>Encodes one 20 ms frame (960 samples) into <paramref name="destination"/>; returns the packet length.</summary>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> destination)
    {
        bool silent = !pcm.ContainsAnyExcept((short)0);
        if (silent && _quietLength > 0 && destination.Length >= _quietLength)
        {
            _quiet.AsSpan(0, _quietLength).CopyTo(destination);
            SilentFramesSkipped++;
            return _quietLength;
        }

        int length = _encoder.Encode(pcm, destination);
        if (silent && length <= _quiet.Length)
        {
            destination[..length].CopyTo(_quiet);
            _quietLength = length;
        }
        else
        {
            _quietLength = 0;
        }

        return length;
    }

    public void Dispose() => _encoder.Dispose();
}
