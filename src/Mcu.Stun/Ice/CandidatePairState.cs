namespace Mcu.Stun.Ice;

/// <summary>State of one candidate pair's check (RFC 8445 section 6.1.2.6; no Frozen: with one local candidate and component every pair starts Waiting).</summary>
internal enum CandidatePairState
{
    Waiting,
    InProgress,
    Succeeded,
    Failed,
}
