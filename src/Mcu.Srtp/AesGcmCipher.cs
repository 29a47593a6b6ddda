using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mcu.Srtp;

/// <summary>AEAD_AES_128_GCM / AEAD_AES_256_GCM for SRTP and SRTCP (RFC 7714).</summary>
/// <remarks>
/// <see cref="AesGcm"/> reports a bad tag only by throwing, so a forged packet costs an exception
/// (a few microseconds and one allocation); authentic traffic allocates nothing.
/// </remarks>
internal sealed class AesGcmCipher : SrtpCipher
{
    public const int TagLength = 16;
    public const int SaltLength = 12;
    private const int RtcpHeaderLength = 8;

    private readonly AesGcm _rtp;
    private readonly AesGcm _rtcp;
    private readonly byte[] _rtpSalt;
    private readonly byte[] _rtcpSalt;

    public AesGcmCipher(ReadOnlySpan<byte> rtpKey, ReadOnlySpan<byte> rtpSalt, ReadOnlySpan<byte> rtcpKey, ReadOnlySpan<byte> rtcpSalt)
    {
        _rtp = new AesGcm(rtpKey, TagLength);
        _rtcp = new AesGcm(rtcpKey, TagLength);
        _rtpSalt = rtpSalt.ToArray();
        _rtcpSalt = rtcpSalt.ToArray();
    }

    /// <summary>Derives the session keys and salts with the AES-CM KDF (RFC 7714 section 11).</summary>
    public static AesGcmCipher FromMasterKey(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        // Session keys are as long as the master key; there are no authentication keys.
        Span<byte> rtpKey = stackalloc byte[masterKey.Length];
        Span<byte> rtcpKey = stackalloc byte[masterKey.Length];
        Span<byte> rtpSalt = stackalloc byte[SaltLength];
        Span<byte> rtcpSalt = stackalloc byte[SaltLength];
        using (var prf = new AesCounterMode(masterKey))
        {
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpEncryptionLabel, rtpKey);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpSaltLabel, rtpSalt);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpEncryptionLabel, rtcpKey);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpSaltLabel, rtcpSalt);
        }
        var cipher = new AesGcmCipher(rtpKey, rtpSalt, rtcpKey, rtcpSalt);
        CryptographicOperations.ZeroMemory(rtpKey);
        CryptographicOperations.ZeroMemory(rtcpKey);
        return cipher;
    }

    public override int RtpTagLength => TagLength;

    public override int RtcpOverhead => TagLength + SrtcpIndex.Size;

    // RFC 7714 9.2: ... | cipher (with tag) | E | SRTCP index: the word comes last.
    public override int SrtcpIndexOffsetFromEnd => SrtcpIndex.Size;

    public override void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        Span<byte> nonce = stackalloc byte[SaltLength];
        FormRtpNonce(ssrc, index, nonce);
        var payload = packet[headerLength..^TagLength];
        // RFC 7714 8.2: the whole RTP header, CSRCs and extension included, is the associated data.
        _rtp.Encrypt(nonce, payload, payload, packet[^TagLength..], packet[..headerLength]);
    }

    public override bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        Span<byte> nonce = stackalloc byte[SaltLength];
        FormRtpNonce(ssrc, index, nonce);
        var payload = packet[headerLength..^TagLength];
        return TryDecrypt(_rtp, nonce, payload, packet[^TagLength..], packet[..headerLength]);
    }

    public override void ProtectRtcp(Span<byte> packet, uint ssrc, uint index)
    {
        var rtcpLength = packet.Length - RtcpOverhead;
        Span<byte> nonce = stackalloc byte[SaltLength];
        FormRtcpNonce(ssrc, index, nonce);
        // RFC 7714 9.2: associated data = first 8 bytes || ESRTCP word; the word is sent after the tag.
        Span<byte> associatedData = stackalloc byte[RtcpHeaderLength + SrtcpIndex.Size];
        packet[..RtcpHeaderLength].CopyTo(associatedData);
        SrtcpIndex.Write(associatedData[RtcpHeaderLength..], index, encrypted: true);
        var payload = packet[RtcpHeaderLength..rtcpLength];
        _rtcp.Encrypt(nonce, payload, payload, packet.Slice(rtcpLength, TagLength), associatedData);
        associatedData[RtcpHeaderLength..].CopyTo(packet[^SrtcpIndex.Size..]);
    }

    public override bool UnprotectRtcp(Span<byte> packet, uint ssrc, uint index, bool encrypted)
    {
        var tagStart = packet.Length - RtcpOverhead;
        Span<byte> nonce = stackalloc byte[SaltLength];
        FormRtcpNonce(ssrc, index, nonce);
        if (encrypted)
        {
            Span<byte> associatedData = stackalloc byte[RtcpHeaderLength + SrtcpIndex.Size];
            packet[..RtcpHeaderLength].CopyTo(associatedData);
            packet[^SrtcpIndex.Size..].CopyTo(associatedData[RtcpHeaderLength..]);
            var payload = packet[RtcpHeaderLength..tagStart];
            return TryDecrypt(_rtcp, nonce, payload, packet.Slice(tagStart, TagLength), associatedData);
        }
        // RFC 7714 9.3: unencrypted, the associated data is the whole RTCP packet followed by the
        // ESRTCP word. Moving the word over the tag makes that contiguous without a copy of the packet.
        Span<byte> tag = stackalloc byte[TagLength];
        packet.Slice(tagStart, TagLength).CopyTo(tag);
        packet[^SrtcpIndex.Size..].CopyTo(packet[tagStart..]);
        return TryDecrypt(_rtcp, nonce, [], tag, packet[..(tagStart + SrtcpIndex.Size)]);
    }

    public override void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }

    private static bool TryDecrypt(AesGcm aes, ReadOnlySpan<byte> nonce, Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        try
        {
            aes.Decrypt(nonce, data, tag, data, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    // RFC 7714 8.1: IV = (00 00 || SSRC || ROC || SEQ) XOR salt; ROC || SEQ is the 48-bit index.
    private void FormRtpNonce(uint ssrc, ulong index, Span<byte> nonce)
    {
        BinaryPrimitives.WriteUInt16BigEndian(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[2..], ssrc);
        BinaryPrimitives.WriteUInt16BigEndian(nonce[6..], (ushort)(index >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], (uint)index);
        XorSalt(nonce, _rtpSalt);
    }

    // RFC 7714 9.1: IV = (00 00 || SSRC || 00 00 || 0 || 31-bit index) XOR salt.
    private void FormRtcpNonce(uint ssrc, uint index, Span<byte> nonce)
    {
        BinaryPrimitives.WriteUInt16BigEndian(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[2..], ssrc);
        BinaryPrimitives.WriteUInt16BigEndian(nonce[6..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], index);
        XorSalt(nonce, _rtcpSalt);
    }

    private static void XorSalt(Span<byte> nonce, ReadOnlySpan<byte> salt)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(nonce, BinaryPrimitives.ReadUInt64LittleEndian(nonce) ^ BinaryPrimitives.ReadUInt64LittleEndian(salt));
        BinaryPrimitives.WriteUInt32LittleEndian(nonce[8..], BinaryPrimitives.ReadUInt32LittleEndian(nonce[8..]) ^ BinaryPrimitives.ReadUInt32LittleEndian(salt[8..]));
    }
}
