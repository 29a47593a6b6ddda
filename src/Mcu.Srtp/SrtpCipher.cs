namespace Mcu.Srtp;

/// <summary>One profile's packet transform for a given packet index; the index bookkeeping lives in <see cref="SrtpContext"/>.</summary>
/// <remarks>Every span passed in is exactly the packet: protected portion plus the room its trailer takes.</remarks>
internal abstract class SrtpCipher : IDisposable
{
    /// <summary>Bytes appended to an RTP packet.</summary>
    public abstract int RtpTagLength { get; }

    /// <summary>Bytes appended to an RTCP packet (tag and E flag + index word).</summary>
    public abstract int RtcpOverhead { get; }

    /// <summary>Distance from an SRTCP packet's end to its E flag + index word.</summary>
    public abstract int SrtcpIndexOffsetFromEnd { get; }

    /// <summary>Encrypts the payload after <paramref name="headerLength"/> and writes the tag into the last <see cref="RtpTagLength"/> bytes.</summary>
    public abstract void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index);

    /// <summary>Authenticates, then decrypts in place; false (packet contents unspecified) when the tag does not verify.</summary>
    public abstract bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index);

    /// <summary>Encrypts after the first 8 bytes and writes the trailer into the last <see cref="RtcpOverhead"/> bytes.</summary>
    public abstract void ProtectRtcp(Span<byte> packet, uint ssrc, uint index);

    /// <summary>Authenticates, then decrypts when <paramref name="encrypted"/>; false (contents unspecified) on a bad tag.</summary>
    public abstract bool UnprotectRtcp(Span<byte> packet, uint ssrc, uint index, bool encrypted);

    public abstract void Dispose();

    public static SrtpCipher Create(SrtpMasterKey masterKey) => masterKey.Profile switch
    {
        SrtpProfile.Aes128CmHmacSha1Tag80 or SrtpProfile.Aes128CmHmacSha1Tag32 =>
            new AesCmHmacSha1Cipher(masterKey.Key, masterKey.Salt, masterKey.Profile.GetRtpTagLength()),
        SrtpProfile.AeadAes128Gcm or SrtpProfile.AeadAes256Gcm =>
            AesGcmCipher.FromMasterKey(masterKey.Key, masterKey.Salt),
        _ => ThrowHelper.ThrowUnsupportedProfile<SrtpCipher>(masterKey.Profile),
    };
}
