namespace Mcu.Dtls.Crypto;

/// <summary>SignatureAndHashAlgorithm code points (RFC 5246 section 7.4.1.4.1, RFC 8446 section 4.2.3 for RSA-PSS).</summary>
internal static class SignatureScheme
{
    public const ushort RsaPkcs1Sha256 = 0x0401;
    public const ushort EcdsaSecp256r1Sha256 = 0x0403;
    public const ushort EcdsaSecp384r1Sha384 = 0x0503;
    public const ushort RsaPssRsaeSha256 = 0x0804;

    /// <summary>What we accept from peers, in the order we advertise it. Our own certificate signs with ecdsa_secp256r1_sha256.</summary>
    public static ReadOnlySpan<ushort> Accepted => [EcdsaSecp256r1Sha256, EcdsaSecp384r1Sha384, RsaPssRsaeSha256, RsaPkcs1Sha256];

    public static bool IsAccepted(ushort scheme) => Accepted.Contains(scheme);
}
