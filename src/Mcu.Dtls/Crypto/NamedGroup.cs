namespace Mcu.Dtls.Crypto;

/// <summary>Named groups for ECDHE (RFC 8422 section 5.1.1).</summary>
internal static class NamedGroup
{
    public const ushort Secp256r1 = 23;
    public const ushort X25519 = 29;

    /// <summary>Our preference order, which is also what our ClientHello offers.</summary>
    public static ReadOnlySpan<ushort> Preference => [X25519, Secp256r1];
}
