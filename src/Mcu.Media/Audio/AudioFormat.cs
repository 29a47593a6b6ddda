namespace Mcu.Media.Audio;

/// <summary>
/// The one PCM format the conference works in: 48 kHz mono 16-bit samples in 20 ms frames.
/// Opus runs at 48 kHz internally and its RTP clock is always 48 kHz (RFC 7587 section 4.1),
/// so no resampling is needed; stereo senders are decoded straight to mono.
/// </summary>
public static class AudioFormat
{
    /// <summary>Samples per second.</summary>
    public const int SampleRate = 48_000;

    /// <summary>Mono.</summary>
    public const int Channels = 1;

    /// <summary>Samples in one 20 ms frame: one room clock tick.</summary>
    public const int FrameSamples = 960;

    /// <summary>The room clock period.</summary>
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);
}
