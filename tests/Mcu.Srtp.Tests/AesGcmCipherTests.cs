namespace Mcu.Srtp.Tests;

// RFC 7714 sections 16 and 17. The vectors give session keys directly, so the cipher is built
// below the KDF: key 00 01 .. 0f (or .. 1f), salt "Quid pro quo", the same for SRTP and SRTCP.
public class AesGcmCipherTests
{
    private const string Key128 = "000102030405060708090a0b0c0d0e0f";
    private const string Key256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private const string Salt = "517569642070726f2071756f";

    private const uint RtpSsrc = 0x5501a0b2;
    private const ulong RtpIndex = 0xf17b; // ROC 0, SEQ 0xf17b
    private const uint RtcpSsrc = 0x4d617273; // "Mars"
    private const uint RtcpIndex = 0x000005d4;

    private const string RtpPacket = """
        8040f17b 8041f8d3 5501a0b2 47616c6c
        69612065 7374206f 6d6e6973 20646976
        69736120 696e2070 61727465 73207472
        6573
        """;

    private const string RtcpPacket = """
        81c8000d 4d617273 4e545031 4e545032
        52545020 0000042a 0000e930 4c756e61
        deadbeef deadbeef deadbeef deadbeef
        deadbeef
        """;

    private static AesGcmCipher Cipher(string key) =>
        new(Hex.Parse(key), Hex.Parse(Salt), Hex.Parse(key), Hex.Parse(Salt));

    private static byte[] ProtectRtp(string key)
    {
        using var cipher = Cipher(key);
        var plain = Hex.Parse(RtpPacket);
        var buffer = new byte[plain.Length + AesGcmCipher.TagLength];
        plain.CopyTo(buffer, 0);
        cipher.ProtectRtp(buffer, 12, RtpSsrc, RtpIndex);
        return buffer;
    }

    [Fact]
    public void Srtp_aes_128_gcm_encryption_matches_rfc7714_16_1_1()
    {
        Assert.Equal(
            Hex.Parse("""
                8040f17b 8041f8d3 5501a0b2 f24de3a3
                fb34de6c acba861c 9d7e4bca be633bd5
                0d294e6f 42a5f47a 51c7d19b 36de3adf
                8833899d 7f27beb1 6a9152cf 765ee439
                0cce
                """),
            ProtectRtp(Key128));
    }

    [Fact]
    public void Srtp_aes_128_gcm_decryption_matches_rfc7714_16_1_2()
    {
        using var cipher = Cipher(Key128);
        var packet = Hex.Parse("""
            8040f17b 8041f8d3 5501a0b2 f24de3a3
            fb34de6c acba861c 9d7e4bca be633bd5
            0d294e6f 42a5f47a 51c7d19b 36de3adf
            8833899d 7f27beb1 6a9152cf 765ee439
            0cce
            """);

        Assert.True(cipher.UnprotectRtp(packet, 12, RtpSsrc, RtpIndex));
        Assert.Equal(Hex.Parse(RtpPacket), packet[..^AesGcmCipher.TagLength]);
    }

    [Fact]
    public void Srtp_aes_256_gcm_encryption_matches_rfc7714_16_2_1()
    {
        Assert.Equal(
            Hex.Parse("""
                8040f17b 8041f8d3 5501a0b2 32b1de78
                a822fe12 ef9f78fa 332e33aa b1801238
                9a58e2f3 b50b2a02 76ffae0f 1ba63799
                b87b7aa3 db36dfff d6b0f9bb 7878d7a7
                6c13
                """),
            ProtectRtp(Key256));
    }

    [Fact]
    public void Srtp_aes_256_gcm_decryption_matches_rfc7714_16_2_2()
    {
        using var cipher = Cipher(Key256);
        var packet = Hex.Parse("""
            8040f17b 8041f8d3 5501a0b2 32b1de78
            a822fe12 ef9f78fa 332e33aa b1801238
            9a58e2f3 b50b2a02 76ffae0f 1ba63799
            b87b7aa3 db36dfff d6b0f9bb 7878d7a7
            6c13
            """);

        Assert.True(cipher.UnprotectRtp(packet, 12, RtpSsrc, RtpIndex));
        Assert.Equal(Hex.Parse(RtpPacket), packet[..^AesGcmCipher.TagLength]);
    }

    [Fact]
    public void Srtcp_aes_128_gcm_encryption_matches_rfc7714_17_1()
    {
        using var cipher = Cipher(Key128);
        var plain = Hex.Parse(RtcpPacket);
        var buffer = new byte[plain.Length + cipher.RtcpOverhead];
        plain.CopyTo(buffer, 0);

        cipher.ProtectRtcp(buffer, RtcpSsrc, RtcpIndex);

        Assert.Equal(
            Hex.Parse("""
                81c8000d 4d617273 63e94885 dcdab67c
                a727d766 2f6b7e99 7ff5c0f7 6c06f32d
                c676a5f1 730d6fda 4ce09b46 86303ded
                0bb9275b c84aa458 96cf4d2f c5abf872
                45d9eade 800005d4
                """),
            buffer);
    }

    [Fact]
    public void Srtcp_aes_256_gcm_decryption_matches_rfc7714_17_2()
    {
        using var cipher = Cipher(Key256);
        var packet = Hex.Parse("""
            81c8000d 4d617273 d50ae4d1 f5ce5d30
            4ba297e4 7d470c28 2c3ece5d bffe0a50
            a2eaa5c1 110555be 8415f658 c61de047
            6f1b6fad 1d1eb30c 4446839f 57ff6f6c
            b26ac3be 800005d4
            """);

        Assert.True(cipher.UnprotectRtcp(packet, RtcpSsrc, RtcpIndex, encrypted: true));
        Assert.Equal(Hex.Parse(RtcpPacket), packet[..^cipher.RtcpOverhead]);
    }

    // 17.3 and 17.4: tagged but not encrypted (E = 0). We never send this form, but a peer may.
    [Theory]
    [InlineData(Key128, "841dd968 3dd78ec9 2ae58790 125f62b3")]
    [InlineData(Key256, "91db4afb feee5a97 8fab4393 ed2615fe")]
    public void Unencrypted_srtcp_verifies_as_in_rfc7714_17_3_and_17_4(string key, string tag)
    {
        using var cipher = Cipher(key);
        var plain = Hex.Parse(RtcpPacket);
        var packet = plain.Concat(Hex.Parse(tag)).Concat(Hex.Parse("000005d4")).ToArray();

        Assert.True(cipher.UnprotectRtcp(packet, RtcpSsrc, RtcpIndex, encrypted: false));
        Assert.Equal(plain, packet[..plain.Length]);
    }

    [Fact]
    public void A_flipped_bit_anywhere_in_the_rfc_packet_fails_verification()
    {
        var protectedPacket = ProtectRtp(Key128);
        using var cipher = Cipher(Key128);
        for (var i = 0; i < protectedPacket.Length; i++)
        {
            var tampered = (byte[])protectedPacket.Clone();
            tampered[i] ^= 0x01;
            Assert.False(cipher.UnprotectRtp(tampered, 12, RtpSsrc, RtpIndex), $"byte {i}");
        }
        Assert.True(cipher.UnprotectRtp(protectedPacket, 12, RtpSsrc, RtpIndex));
    }

    [Fact]
    public void The_wrong_index_fails_verification()
    {
        var protectedPacket = ProtectRtp(Key128);
        using var cipher = Cipher(Key128);

        Assert.False(cipher.UnprotectRtp(protectedPacket, 12, RtpSsrc, RtpIndex + 0x10000));
    }
}
