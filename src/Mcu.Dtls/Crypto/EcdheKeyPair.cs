namespace Mcu.Dtls.Crypto;

/// <summary>An ephemeral ECDH key pair on one named group (RFC 8422 sections 5.4 and 5.10), computed with BouncyCastle.</summary>
internal abstract class EcdheKeyPair
{
    /// <summary>Both X25519 and secp256r1 give a 32-byte premaster secret.</summary>
    public const int SharedSecretLength = 32;

    public abstract ushort Group { get; }

    /// <summary>Our public key as it goes on the wire: 32 bytes for X25519, an uncompressed point for secp256r1.</summary>
    public abstract byte[] PublicKey { get; }

    public static EcdheKeyPair Generate(ushort group) => group switch
    {
        NamedGroup.X25519 => new X25519KeyPair(),
        NamedGroup.Secp256r1 => new Secp256r1KeyPair(),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unsupported named group."),
    };

    /// <summary>
    /// Writes the premaster secret to <paramref name="sharedSecret"/>; false if the peer's key is malformed, not on the
    /// curve, or yields a degenerate secret.
    /// </summary>
    public abstract bool TryDeriveSharedSecret(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret);
}
