namespace Mcu.Srtp;

/// <summary>DTLS-SRTP protection profiles, valued as their IANA identifiers (RFC 5764 4.1.2, RFC 7714 14.2).</summary>
public enum SrtpProfile
{
    /// <summary>No profile negotiated.</summary>
    None = 0x0000,

    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80: AES-128 counter mode, 80-bit HMAC-SHA1 tag.</summary>
    Aes128CmHmacSha1Tag80 = 0x0001,

    /// <summary>SRTP_AES128_CM_HMAC_SHA1_32: as above with a 32-bit SRTP tag (SRTCP keeps 80 bits).</summary>
    Aes128CmHmacSha1Tag32 = 0x0002,

    /// <summary>SRTP_AEAD_AES_128_GCM: AES-128 GCM with a 16-byte tag.</summary>
    AeadAes128Gcm = 0x0007,

    /// <summary>SRTP_AEAD_AES_256_GCM: AES-256 GCM with a 16-byte tag.</summary>
    AeadAes256Gcm = 0x0008,
}
