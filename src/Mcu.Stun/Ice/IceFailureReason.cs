namespace Mcu.Stun.Ice;

/// <summary>Why an agent reached <see cref="IceState.Failed"/>.</summary>
public enum IceFailureReason
{
    /// <summary>Not failed.</summary>
    None,

    /// <summary>No pair was selected within the connect timeout.</summary>
    ConnectTimeout,

    /// <summary>Every candidate pair failed and no more candidates will come.</summary>
    ChecksFailed,

    /// <summary>No valid check or response for the consent timeout (RFC 7675 section 5.1).</summary>
    ConsentExpired,
}
