namespace Mcu.Rtp.Streams;

/// <summary>Timing and size limits of <see cref="NackGenerator"/>.</summary>
public sealed record NackOptions
{
    /// <summary>Most sequence numbers one NACK packet asks for (bounds the stack buffer of a write).</summary>
    public const int MaxItemsLimit = 512;

    /// <summary>Wait after a gap is seen before the first NACK: a little reordering resolves itself.</summary>
    public TimeSpan FirstNackDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Retries go out every max(RTT, this): sooner than an RTT the retransmission cannot have arrived.</summary>
    public TimeSpan MinRetryInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>NACKs per sequence number, the first included.</summary>
    public int MaxNacksPerSequenceNumber { get; init; } = 10;

    /// <summary>A packet missing this long is given up: the decoder is past it.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most missing sequence numbers tracked; more means the stream is broken and needs a keyframe.</summary>
    public int MaxListSize { get; init; } = 1000;

    /// <summary>Most sequence numbers put in one NACK packet; the rest wait for the next write.</summary>
    public int MaxItemsPerNack { get; init; } = 256;
}
