namespace Mcu.Stun;

/// <summary>Fixed facts of the 20-byte STUN header (RFC 8489 section 5).</summary>
public static class StunHeader
{
    /// <summary>Header length in bytes; attributes follow.</summary>
    public const int Length = 20;

    /// <summary>The magic cookie at bytes 4-7 that tells RFC 5389+ STUN from other traffic.</summary>
    public const uint MagicCookie = 0x2112A442;

    /// <summary>Transaction id length in bytes (96 bits).</summary>
    public const int TransactionIdLength = 12;

    /// <summary>The largest message whose length still fits the 16-bit length field.</summary>
    public const int MaxMessageLength = Length + 0xFFFC;
}
