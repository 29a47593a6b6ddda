namespace Mcu.Stun.Ice;

/// <summary>What an ICE agent did with the STUN traffic it saw, by outcome (read on the driving thread).</summary>
public sealed class IceCounters
{
    /// <summary>How often the selected remote was set or switched.</summary>
    public long Selections { get; internal set; }

    /// <summary>The peer's valid requests answered with a success response.</summary>
    public long Answered { get; internal set; }

    /// <summary>Datagrams dropped as malformed STUN.</summary>
    public long Malformed { get; internal set; }

    /// <summary>Indications, other methods, responses matching no outstanding check, and anything after failure.</summary>
    public long Ignored { get; internal set; }

    /// <summary>Requests dropped for a missing or foreign USERNAME.</summary>
    public long UnknownUser { get; internal set; }

    /// <summary>Requests or responses dropped for missing or wrong MESSAGE-INTEGRITY.</summary>
    public long BadIntegrity { get; internal set; }

    /// <summary>Requests or responses dropped for a wrong FINGERPRINT.</summary>
    public long BadFingerprint { get; internal set; }

    /// <summary>Role conflicts (RFC 8445 section 7.3.1.1), answered with 487 or resolved by switching role.</summary>
    public long RoleConflicts { get; internal set; }

    /// <summary>Requests answered with 420 for unknown comprehension-required attributes.</summary>
    public long UnknownAttributes { get; internal set; }

    /// <summary>Checks transmitted, retransmissions and consent checks included (full agents only).</summary>
    public long ChecksSent { get; internal set; }

    /// <summary>Responses that matched one of our checks and succeeded (full agents only).</summary>
    public long ResponsesAccepted { get; internal set; }

    /// <summary>Responses that matched one of our checks and failed it (full agents only).</summary>
    public long Rejected { get; internal set; }

    /// <summary>
    /// Counts the result of one datagram and passes it through. <see cref="IceResult.Answered"/>
    /// and <see cref="IceResult.Selected"/> are counted by the agents where they happen: an
    /// answer may also select, and a selection may come from a request or from a response.
    /// </summary>
    internal IceResult Count(IceResult result)
    {
        switch (result)
        {
            case IceResult.ResponseAccepted: ResponsesAccepted++; break;
            case IceResult.Rejected: Rejected++; break;
            case IceResult.Malformed: Malformed++; break;
            case IceResult.Ignored: Ignored++; break;
            case IceResult.UnknownUser: UnknownUser++; break;
            case IceResult.BadIntegrity: BadIntegrity++; break;
            case IceResult.BadFingerprint: BadFingerprint++; break;
            case IceResult.RoleConflict: RoleConflicts++; break;
            case IceResult.UnknownAttributes: UnknownAttributes++; break;
        }
        return result;
    }
}
