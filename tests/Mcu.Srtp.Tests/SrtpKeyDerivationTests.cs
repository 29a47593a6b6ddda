namespace Mcu.Srtp.Tests;

public class SrtpKeyDerivationTests
{
    private static byte[] Derive(string masterKey, string masterSalt, byte label, int length)
    {
        using var prf = new AesCounterMode(Hex.Parse(masterKey));
        var output = new byte[length];
        SrtpKeyDerivation.Derive(prf, Hex.Parse(masterSalt), label, output);
        return output;
    }

    // RFC 3711 appendix B.3.
    private const string Rfc3711MasterKey = "E1F97A0D3E018BE0D64FA32C06DE4139";
    private const string Rfc3711MasterSalt = "0EC675AD498AFEEBB6960B3AABE6";

    [Fact]
    public void Cipher_key_matches_rfc3711_b3()
    {
        Assert.Equal(
            Hex.Parse("C61E7A93744F39EE10734AFE3FF7A087"),
            Derive(Rfc3711MasterKey, Rfc3711MasterSalt, SrtpKeyDerivation.RtpEncryptionLabel, 16));
    }

    [Fact]
    public void Cipher_salt_matches_rfc3711_b3()
    {
        Assert.Equal(
            Hex.Parse("30CBBC08863D8C85D49DB34A9AE1"),
            Derive(Rfc3711MasterKey, Rfc3711MasterSalt, SrtpKeyDerivation.RtpSaltLabel, 14));
    }

    [Fact]
    public void The_94_byte_auth_key_matches_rfc3711_b3()
    {
        Assert.Equal(
            Hex.Parse("""
                CEBE321F6FF7716B6FD4AB49AF256A15
                6D38BAA48F0A0ACF3C34E2359E6CDBCE
                E049646C43D9327AD175578EF7227098
                6371C10C9A369AC2F94A8C5FBCDDDC25
                6D6E919A48B610EF17C2041E47403576
                6B68642C59BBFC2F34DB60DBDFB2
                """),
            Derive(Rfc3711MasterKey, Rfc3711MasterSalt, SrtpKeyDerivation.RtpAuthenticationLabel, 94));
    }

    // RFC 6188 7.2: AES_256_CM_PRF, which RFC 7714 section 11 prescribes for AEAD_AES_256_GCM.
    [Fact]
    public void Aes_256_prf_matches_rfc6188_7_2()
    {
        const string masterKey = "f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6";
        const string masterSalt = "3b04803de51ee7c96423ab5b78d2";

        Assert.Equal(
            Hex.Parse("5ba1064e30ec51613cad926c5a28ef731ec7fb397f70a960653caf06554cd8c4"),
            Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpEncryptionLabel, 32));
        Assert.Equal(
            Hex.Parse("fa31791685ca444a9e07c6c64e93"),
            Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpSaltLabel, 14));
        Assert.Equal(
            Hex.Parse("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05"),
            Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpAuthenticationLabel, 20));
    }

    [Fact]
    public void A_12_byte_gcm_salt_is_the_14_byte_salt_with_two_zero_bytes_appended()
    {
        // RFC 7714 section 11 erratum 4938: the 96-bit salt is multiplied by 2^16 for the KDF.
        const string masterKey = "000102030405060708090a0b0c0d0e0f";

        for (byte label = 0; label <= 5; label++)
        {
            Assert.Equal(
                Derive(masterKey, "517569642070726f2071756f0000", label, 16),
                Derive(masterKey, "517569642070726f2071756f", label, 16));
        }
    }

    [Fact]
    public void Every_label_derives_a_different_key()
    {
        var keys = new HashSet<string>();
        for (byte label = 0; label <= 5; label++)
        {
            keys.Add(Convert.ToHexString(Derive(Rfc3711MasterKey, Rfc3711MasterSalt, label, 16)));
        }
        Assert.Equal(6, keys.Count);
    }
}
