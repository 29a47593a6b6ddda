namespace Mcu.Stun.Ice;

/// <summary>Candidate types (RFC 8445 section 5.1.1; SDP names per RFC 8839 section 5.1).</summary>
public enum IceCandidateType
{
    /// <summary>"host": an address of a local interface.</summary>
    Host,

    /// <summary>"srflx": an address learned from a STUN server.</summary>
    ServerReflexive,

    /// <summary>"prflx": an address learned from a connectivity check.</summary>
    PeerReflexive,

    /// <summary>"relay": an address on a TURN server.</summary>
    Relayed,
}
