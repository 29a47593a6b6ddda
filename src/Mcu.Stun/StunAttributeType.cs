namespace Mcu.Stun;

/// <summary>
/// STUN attribute types used by this project (RFC 8489 section 18.3, RFC 8445 section 16.1).
/// Values below 0x8000 are comprehension-required, the rest comprehension-optional.
/// </summary>
public enum StunAttributeType : ushort
{
    /// <summary>MAPPED-ADDRESS (RFC 8489 section 14.1), kept for RFC 3489 peers.</summary>
    MappedAddress = 0x0001,

    /// <summary>USERNAME (section 14.3); for ICE "receiverUfrag:senderUfrag".</summary>
    Username = 0x0006,

    /// <summary>MESSAGE-INTEGRITY (section 14.5): HMAC-SHA1.</summary>
    MessageIntegrity = 0x0008,

    /// <summary>ERROR-CODE (section 14.8).</summary>
    ErrorCode = 0x0009,

    /// <summary>UNKNOWN-ATTRIBUTES (section 14.9).</summary>
    UnknownAttributes = 0x000A,

    /// <summary>REALM (section 14.9), long-term credentials only.</summary>
    Realm = 0x0014,

    /// <summary>NONCE (section 14.10), long-term credentials only.</summary>
    Nonce = 0x0015,

    /// <summary>MESSAGE-INTEGRITY-SHA256 (section 14.6); not supported, so reported as unknown.</summary>
    MessageIntegritySha256 = 0x001C,

    /// <summary>XOR-MAPPED-ADDRESS (section 14.2).</summary>
    XorMappedAddress = 0x0020,

    /// <summary>PRIORITY (RFC 8445 section 7.1.1).</summary>
    Priority = 0x0024,

    /// <summary>USE-CANDIDATE (RFC 8445 section 7.1.2).</summary>
    UseCandidate = 0x0025,

    /// <summary>SOFTWARE (section 14.14).</summary>
    Software = 0x8022,

    /// <summary>FINGERPRINT (section 14.7).</summary>
    Fingerprint = 0x8028,

    /// <summary>ICE-CONTROLLED (RFC 8445 section 7.1.3).</summary>
    IceControlled = 0x8029,

    /// <summary>ICE-CONTROLLING (RFC 8445 section 7.1.3).</summary>
    IceControlling = 0x802A,
}
