namespace Mcu.Stun.Ice;

/// <summary>What an agent did with one STUN datagram.</summary>
public enum IceResult
{
    /// <summary>A valid request: a success response was produced.</summary>
    Answered,

    /// <summary>A valid request or response that changed the selected remote (first selection or a switch).</summary>
    Selected,

    /// <summary>A role conflict (RFC 8445 section 7.3.1.1): a 487 response was produced, or our check got one and we switched role.</summary>
    RoleConflict,

    /// <summary>A valid request with unknown comprehension-required attributes: a 420 response was produced.</summary>
    UnknownAttributes,

    /// <summary>A response matched an outstanding check and succeeded.</summary>
    ResponseAccepted,

    /// <summary>A response matched an outstanding check but failed it (error code or non-symmetric source).</summary>
    Rejected,

    /// <summary>Nothing to do: an indication, another method, an unmatched response, or the agent has failed.</summary>
    Ignored,

    /// <summary>Dropped: not a well-formed STUN message.</summary>
    Malformed,

    /// <summary>Dropped: USERNAME missing or not "ourUfrag:theirUfrag".</summary>
    UnknownUser,

    /// <summary>Dropped: MESSAGE-INTEGRITY missing or wrong.</summary>
    BadIntegrity,

    /// <summary>Dropped: FINGERPRINT present but wrong.</summary>
    BadFingerprint,
}
