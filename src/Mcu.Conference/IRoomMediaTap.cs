namespace Mcu.Conference;

/// <summary>
/// Receives a room's outgoing media as it is produced: the encoded composite (the same frames
/// every viewer gets: no second encode) on the room's video clock thread, and the full mix as PCM
/// on its audio clock thread. Each kind arrives in order from its one thread, but the two kinds
/// may arrive concurrently. Implementations copy what they need and return at once; they must
/// never block the clocks.
/// </summary>
public interface IRoomMediaTap
{
    /// <summary>One encoded VP8 composite frame; <paramref name="pts90k"/> is on the room's 90 kHz clock.</summary>
    void OnVideoFrame(ReadOnlySpan<byte> vp8Frame, bool isKeyframe, long pts90k);

    /// <summary>One 20 ms frame of the full mix (48 kHz mono, everybody heard); <paramref name="sampleIndex"/> counts from the room's start.</summary>
    void OnAudioFrame(ReadOnlySpan<short> pcm, long sampleIndex);
}
