namespace Mcu.Media.Codecs;

/// <summary>
/// Decodes one audio codec's packets to 16-bit interleaved PCM, with loss concealment and
/// in-band FEC recovery. Malformed packets return false or 0, never throw. Not thread-safe.
/// </summary>
public interface IAudioDecoder : IDisposable
{
    /// <summary>Samples per second per channel of the decoded PCM.</summary>
    int SampleRate { get; }

    /// <summary>Channels in the interleaved output.</summary>
    int Channels { get; }

    /// <summary>
    /// The duration a packet decodes to, in samples per channel at <see cref="SampleRate"/>, read
    /// from its framing without decoding; 0 when the packet is malformed.
    /// </summary>
    int GetSamplesPerChannel(ReadOnlySpan<byte> packet);

    /// <summary>Decodes a packet into <paramref name="pcm"/>; false (nothing decoded) when it is malformed or does not fit.</summary>
    bool TryDecode(ReadOnlySpan<byte> packet, Span<short> pcm, out int samplesPerChannel);

    /// <summary>Fills all of <paramref name="pcm"/> with a concealment of lost audio and returns the samples per channel.</summary>
    int Conceal(Span<short> pcm);

    /// <summary>
    /// Recovers the audio lost just before <paramref name="nextPacket"/> from the redundancy that
    /// packet carries, filling all of <paramref name="pcm"/>; false when nextPacket is malformed.
    /// </summary>
    bool TryDecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm, out int samplesPerChannel);
}
