namespace Mcu.Rtp.Streams;

/// <summary>What <see cref="RetransmissionHistory.TryResend"/> did with one NACKed sequence number.</summary>
public enum RetransmissionResult
{
    /// <summary>The packet was written for sending (as RTX when negotiated).</summary>
    Sent = 0,

    /// <summary>Never sent to this receiver, or no longer in the history (too old or overwritten).</summary>
    NotFound,

    /// <summary>Already resent to this receiver less than an RTT ago: the earlier copy may still be in flight.</summary>
    TooSoon,

    /// <summary>The receiver's retransmission bitrate budget is used up.</summary>
    RateLimited,

    /// <summary>The destination buffer cannot hold the packet.</summary>
    DestinationTooSmall,
}
