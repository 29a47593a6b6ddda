using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mcu.Srtp;

/// <summary>AES-128 counter mode with HMAC-SHA1 authentication (RFC 3711 4.1.1, 4.2.1).</summary>
internal sealed class AesCmHmacSha1Cipher : SrtpCipher
{
    private const int SessionKeyLength = 16;
    private const int SessionSaltLength = 14;
    private const int AuthenticationKeyLength = 20;
    private const int DigestLength = 20;
    private const int RtcpTagLength = 10;
    private const int RocLength = 4;

    private readonly AesCounterMode _rtpCipher;
    private readonly AesCounterMode _rtcpCipher;
    private readonly IncrementalHash _rtpMac;
    private readonly IncrementalHash _rtcpMac;
    private readonly byte[] _rtpSalt = new byte[SessionSaltLength];
    private readonly byte[] _rtcpSalt = new byte[SessionSaltLength];
    private readonly int _rtpTagLength;

    public AesCmHmacSha1Cipher(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, int rtpTagLength)
    {
        _rtpTagLength = rtpTagLength;
        Span<byte> key = stackalloc byte[SessionKeyLength];
        Span<byte> authenticationKey = stackalloc byte[AuthenticationKeyLength];
        using (var prf = new AesCounterMode(masterKey))
        {
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpEncryptionLabel, key);
            _rtpCipher = new AesCounterMode(key);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpAuthenticationLabel, authenticationKey);
            _rtpMac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authenticationKey);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpSaltLabel, _rtpSalt);

            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpEncryptionLabel, key);
            _rtcpCipher = new AesCounterMode(key);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpAuthenticationLabel, authenticationKey);
            _rtcpMac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authenticationKey);
            SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpSaltLabel, _rtcpSalt);
        }
        CryptographicOperations.ZeroMemory(key);
        CryptographicOperations.ZeroMemory(authenticationKey);
    }

    public override int RtpTagLength => _rtpTagLength;

    public override int RtcpOverhead => RtcpTagLength + SrtcpIndex.Size;

    // RFC 3711 3.4: ... | E | SRTCP index | authentication tag.
    public override int SrtcpIndexOffsetFromEnd => RtcpTagLength + SrtcpIndex.Size;

    public override void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        var authenticated = packet[..^_rtpTagLength];
        Span<byte> iv = stackalloc byte[AesCounterMode.BlockSize];
        FormIv(_rtpSalt, ssrc, index, iv);
        _rtpCipher.Apply(iv, authenticated[headerLength..]);
        Span<byte> digest = stackalloc byte[DigestLength];
        ComputeRtpDigest(authenticated, index, digest);
        digest[.._rtpTagLength].CopyTo(packet[^_rtpTagLength..]);
    }

    public override bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        var authenticated = packet[..^_rtpTagLength];
        Span<byte> digest = stackalloc byte[DigestLength];
        ComputeRtpDigest(authenticated, index, digest);
        if (!CryptographicOperations.FixedTimeEquals(digest[.._rtpTagLength], packet[^_rtpTagLength..]))
        {
            return false;
        }
        Span<byte> iv = stackalloc byte[AesCounterMode.BlockSize];
        FormIv(_rtpSalt, ssrc, index, iv);
        _rtpCipher.Apply(iv, authenticated[headerLength..]);
        return true;
    }

    public override void ProtectRtcp(Span<byte> packet, uint ssrc, uint index)
    {
        var rtcpLength = packet.Length - RtcpOverhead;
        Span<byte> iv = stackalloc byte[AesCounterMode.BlockSize];
        FormIv(_rtcpSalt, ssrc, index, iv);
        // RFC 3711 3.4: the first 8 bytes (header and sender SSRC) stay in the clear.
        _rtcpCipher.Apply(iv, packet[8..rtcpLength]);
        SrtcpIndex.Write(packet[rtcpLength..], index, encrypted: true);
        Span<byte> digest = stackalloc byte[DigestLength];
        _rtcpMac.AppendData(packet[..^RtcpTagLength]);
        _rtcpMac.GetHashAndReset(digest);
        digest[..RtcpTagLength].CopyTo(packet[^RtcpTagLength..]);
    }

    public override bool UnprotectRtcp(Span<byte> packet, uint ssrc, uint index, bool encrypted)
    {
        Span<byte> digest = stackalloc byte[DigestLength];
        _rtcpMac.AppendData(packet[..^RtcpTagLength]);
        _rtcpMac.GetHashAndReset(digest);
        if (!CryptographicOperations.FixedTimeEquals(digest[..RtcpTagLength], packet[^RtcpTagLength..]))
        {
            return false;
        }
        if (encrypted)
        {
            Span<byte> iv = stackalloc byte[AesCounterMode.BlockSize];
            FormIv(_rtcpSalt, ssrc, index, iv);
            _rtcpCipher.Apply(iv, packet[8..^RtcpOverhead]);
        }
        return true;
    }

    public override void Dispose()
    {
        _rtpCipher.Dispose();
        _rtcpCipher.Dispose();
        _rtpMac.Dispose();
        _rtcpMac.Dispose();
    }

    // RFC 3711 4.2.1: the tag covers the authenticated portion followed by the 32-bit ROC.
    private void ComputeRtpDigest(ReadOnlySpan<byte> authenticated, ulong index, Span<byte> digest)
    {
        Span<byte> roc = stackalloc byte[RocLength];
        BinaryPrimitives.WriteUInt32BigEndian(roc, (uint)(index >> 16));
        _rtpMac.AppendData(authenticated);
        _rtpMac.AppendData(roc);
        _rtpMac.GetHashAndReset(digest);
    }

    // RFC 3711 4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16).
    private static void FormIv(ReadOnlySpan<byte> salt, uint ssrc, ulong index, Span<byte> iv)
    {
        salt.CopyTo(iv);
        iv[14] = 0;
        iv[15] = 0;
        BinaryPrimitives.WriteUInt64BigEndian(iv, BinaryPrimitives.ReadUInt64BigEndian(iv) ^ ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(iv[8..], BinaryPrimitives.ReadUInt64BigEndian(iv[8..]) ^ (index << 16));
    }
}
