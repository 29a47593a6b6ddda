namespace Mcu.Stun.Ice;

/// <summary>Everything that goes into one Binding request of ours, so a retransmission is byte-identical.</summary>
internal readonly record struct CheckRequest(
    StunTransactionId TransactionId,
    byte[] Username,
    uint Priority,
    IceRole Role,
    ulong TieBreaker,
    bool UseCandidate,
    byte[] Key);
