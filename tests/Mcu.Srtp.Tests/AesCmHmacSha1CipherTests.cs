namespace Mcu.Srtp.Tests;

// libsrtp's reference packets (test/srtp_driver.c, srtp_validate): the RFC 3711 B.3 master key,
// SSRC cafebabe, RTP sequence number 0x1234 with ROC 0, SRTCP index 1.
public class AesCmHmacSha1CipherTests
{
    private const uint Ssrc = 0xCAFEBABE;
    private const string MasterKey = "e1f97a0d3e018be0d64fa32c06de4139";
    private const string MasterSalt = "0ec675ad498afeebb6960b3aabe6";
    private const string Rtp = "800f1234decafbadcafebabe abababababababababababababababab";
    private const string Srtp = "800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb";
    private const string Rtcp = "81c8000bcafebabe abababababababababababababababab";
    private const string Srtcp = "81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001 993e08cd54d6c1230798";

    private static AesCmHmacSha1Cipher Cipher(int rtpTagLength = 10) =>
        new(Hex.Parse(MasterKey), Hex.Parse(MasterSalt), rtpTagLength);

    private static byte[] WithRoom(string packet, int room)
    {
        var plain = Hex.Parse(packet);
        var buffer = new byte[plain.Length + room];
        plain.CopyTo(buffer, 0);
        return buffer;
    }

    [Fact]
    public void Rtp_protects_and_unprotects_as_libsrtp()
    {
        using var cipher = Cipher();
        var packet = WithRoom(Rtp, 10);

        cipher.ProtectRtp(packet, 12, Ssrc, 0x1234);
        Assert.Equal(Hex.Parse(Srtp), packet);

        Assert.True(cipher.UnprotectRtp(packet, 12, Ssrc, 0x1234));
        Assert.Equal(Hex.Parse(Rtp), packet[..^10]);
    }

    [Fact]
    public void Rtcp_protects_and_unprotects_as_libsrtp()
    {
        using var cipher = Cipher();
        var packet = WithRoom(Rtcp, cipher.RtcpOverhead);

        cipher.ProtectRtcp(packet, Ssrc, 1);
        Assert.Equal(Hex.Parse(Srtcp), packet);

        Assert.True(cipher.UnprotectRtcp(packet, Ssrc, 1, encrypted: true));
        Assert.Equal(Hex.Parse(Rtcp), packet[..^cipher.RtcpOverhead]);
    }

    [Fact]
    public void The_32_bit_tag_is_the_80_bit_tag_truncated()
    {
        // RFC 3711 4.2.1: the tag is the leftmost bits of HMAC-SHA1 over the same input.
        using var cipher = Cipher(rtpTagLength: 4);
        var packet = WithRoom(Rtp, 4);

        cipher.ProtectRtp(packet, 12, Ssrc, 0x1234);

        Assert.Equal(Hex.Parse(Srtp)[..^6], packet);
    }

    [Fact]
    public void The_rollover_counter_is_authenticated()
    {
        using var cipher = Cipher();
        var packet = WithRoom(Rtp, 10);
        cipher.ProtectRtp(packet, 12, Ssrc, 0x1_1234);

        Assert.False(cipher.UnprotectRtp((byte[])packet.Clone(), 12, Ssrc, 0x1234));
        Assert.True(cipher.UnprotectRtp(packet, 12, Ssrc, 0x1_1234));
        Assert.Equal(Hex.Parse(Rtp), packet[..^10]);
    }
}
