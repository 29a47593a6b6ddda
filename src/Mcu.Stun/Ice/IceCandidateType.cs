namespace Mcu.Stun.Ice;

/// <summary>Candidate types (RFC 8445 section 5.1.1).</summary>
public enum IceCandidateType
{
    /// <summary>An address of a local interface.</summary>
    Host,

    /// <summary>An address learned from a STUN server.</summary>
    ServerReflexive,

    /// <summary>An address learned from a connectivity check.</summary>
    PeerReflexive,

    /// <summary>An address on a TURN server.</summary>
    Relayed,
}
