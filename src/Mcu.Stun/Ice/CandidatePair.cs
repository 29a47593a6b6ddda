using System.Net;

namespace Mcu.Stun.Ice;

/// <summary>Our one local candidate paired with one remote address, and the state of its check.</summary>
internal sealed class CandidatePair(IPEndPoint remote, uint remotePriority)
{
    public IPEndPoint Remote { get; } = remote;

    public uint RemotePriority { get; } = remotePriority;

    /// <summary>Pair priority (RFC 8445 section 6.1.2.3); recomputed when our role changes.</summary>
    public ulong Priority { get; set; }

    public CandidatePairState State { get; set; }

    /// <summary>The request of the check in progress, kept so that retransmissions are identical.</summary>
    public CheckRequest Request { get; set; }

    public int Transmissions { get; set; }

    public TimeSpan NextTransmission { get; set; }

    /// <summary>Queued in the triggered-check queue (RFC 8445 section 6.1.4.1).</summary>
    public bool Triggered { get; set; }

    /// <summary>The peer sent USE-CANDIDATE on this pair (matters while we are controlled).</summary>
    public bool NominatedByPeer { get; set; }

    /// <summary>XOR-MAPPED-ADDRESS of the successful response: how the peer sees us.</summary>
    public IPEndPoint? MappedAddress { get; set; }

    /// <summary>RFC 8445 section 6.1.2.3: 2^32*MIN(G,D) + 2*MAX(G,D) + (G&gt;D?1:0), G the controlling side's candidate.</summary>
    public static ulong ComputePriority(uint controlling, uint controlled) =>
        ((ulong)Math.Min(controlling, controlled) << 32) + (2UL * Math.Max(controlling, controlled)) + (controlling > controlled ? 1UL : 0UL);
}
