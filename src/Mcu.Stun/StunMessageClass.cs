namespace Mcu.Stun;

/// <summary>The class of a STUN message (RFC 8489 section 5): the C1/C0 bits of the message type.</summary>
public enum StunMessageClass
{
    /// <summary>A request that expects a response.</summary>
    Request = 0,

    /// <summary>An indication: no response expected.</summary>
    Indication = 1,

    /// <summary>A success response.</summary>
    SuccessResponse = 2,

    /// <summary>An error response (carries ERROR-CODE).</summary>
    ErrorResponse = 3,
}
