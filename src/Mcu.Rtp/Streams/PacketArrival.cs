namespace Mcu.Rtp.Streams;

/// <summary>How <see cref="ReceiveStatistics"/> classified an arriving packet's sequence number (RFC 3550 appendix A.1).</summary>
public enum PacketArrival
{
    /// <summary>Newer than every packet so far (a gap of less than 3000 is allowed): counted.</summary>
    InOrder = 0,

    /// <summary>Up to 100 behind the newest and not seen before: counted.</summary>
    OutOfOrder,

    /// <summary>Already counted (a retransmission that crossed its original, or a network duplicate): not counted again.</summary>
    Duplicate,

    /// <summary>A large jump; not counted unless the next packet follows it, which then counts as <see cref="Restarted"/>.</summary>
    SuspectedJump,

    /// <summary>The packet confirmed a jump: the sender restarted its sequence, so statistics start over from it.</summary>
    Restarted,
}
