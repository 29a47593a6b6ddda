using System.Security.Cryptography;

namespace Mcu.Dtls.Crypto;

/// <summary>A cipher suite we negotiate: ECDHE_ECDSA with AES-GCM (RFC 5289 section 3.2) and its PRF hash.</summary>
internal sealed class CipherSuite
{
    public static readonly CipherSuite EcdheEcdsaAes128GcmSha256 = new(0xC02B, 16, HashAlgorithmName.SHA256);

    public static readonly CipherSuite EcdheEcdsaAes256GcmSha384 = new(0xC02C, 32, HashAlgorithmName.SHA384);

    private CipherSuite(ushort id, int keyLength, HashAlgorithmName prfHash)
    {
        Id = id;
        KeyLength = keyLength;
        PrfHash = prfHash;
    }

    /// <summary>Our preference order, which is also what our ClientHello offers.</summary>
    public static ReadOnlySpan<ushort> Preference => [0xC02B, 0xC02C];

    public ushort Id { get; }

    public int KeyLength { get; }

    /// <summary>Hash of the PRF, the transcript and the EMS session hash (RFC 5289 section 3.2).</summary>
    public HashAlgorithmName PrfHash { get; }

    public static CipherSuite? Find(ushort id) => id switch
    {
        0xC02B => EcdheEcdsaAes128GcmSha256,
        0xC02C => EcdheEcdsaAes256GcmSha384,
        _ => null,
    };
}
