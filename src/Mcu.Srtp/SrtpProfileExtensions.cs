namespace Mcu.Srtp;

/// <summary>Key, salt and tag lengths of each <see cref="SrtpProfile"/>.</summary>
public static class SrtpProfileExtensions
{
    /// <summary>Whether this library implements the profile.</summary>
    public static bool IsSupported(this SrtpProfile profile) => profile is
        SrtpProfile.Aes128CmHmacSha1Tag80 or SrtpProfile.Aes128CmHmacSha1Tag32 or
        SrtpProfile.AeadAes128Gcm or SrtpProfile.AeadAes256Gcm;

    /// <summary>Whether the profile is an AEAD (GCM) one, RFC 7714.</summary>
    public static bool IsAead(this SrtpProfile profile) =>
        profile is SrtpProfile.AeadAes128Gcm or SrtpProfile.AeadAes256Gcm;

    /// <summary>Master key length in bytes.</summary>
    public static int GetMasterKeyLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1Tag80 or SrtpProfile.Aes128CmHmacSha1Tag32 or SrtpProfile.AeadAes128Gcm => 16,
        SrtpProfile.AeadAes256Gcm => 32,
        _ => ThrowHelper.ThrowUnsupportedProfile<int>(profile),
    };

    /// <summary>Master salt length in bytes: 112 bits for AES-CM (RFC 3711 8.2), 96 bits for GCM (RFC 7714 12).</summary>
    public static int GetMasterSaltLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1Tag80 or SrtpProfile.Aes128CmHmacSha1Tag32 => 14,
        SrtpProfile.AeadAes128Gcm or SrtpProfile.AeadAes256Gcm => 12,
        _ => ThrowHelper.ThrowUnsupportedProfile<int>(profile),
    };

    /// <summary>Bytes that protecting an RTP packet appends (the authentication tag).</summary>
    public static int GetRtpTagLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1Tag80 => 10,
        SrtpProfile.Aes128CmHmacSha1Tag32 => 4,
        SrtpProfile.AeadAes128Gcm or SrtpProfile.AeadAes256Gcm => 16,
        _ => ThrowHelper.ThrowUnsupportedProfile<int>(profile),
    };

    /// <summary>SRTCP authentication tag length: 80 bits for both AES-CM profiles (RFC 5764 4.1.2).</summary>
    public static int GetRtcpTagLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1Tag80 or SrtpProfile.Aes128CmHmacSha1Tag32 => 10,
        SrtpProfile.AeadAes128Gcm or SrtpProfile.AeadAes256Gcm => 16,
        _ => ThrowHelper.ThrowUnsupportedProfile<int>(profile),
    };

    /// <summary>Bytes that protecting an RTCP packet appends: the tag and the 4-byte E flag + SRTCP index.</summary>
    public static int GetRtcpOverhead(this SrtpProfile profile) => profile.GetRtcpTagLength() + SrtcpIndex.Size;
}
