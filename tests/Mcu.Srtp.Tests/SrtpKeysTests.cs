namespace Mcu.Srtp.Tests;

public class SrtpKeysTests
{
    [Theory]
    [InlineData(SrtpProfile.Aes128CmHmacSha1Tag80, 60)]
    [InlineData(SrtpProfile.Aes128CmHmacSha1Tag32, 60)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 56)]
    [InlineData(SrtpProfile.AeadAes256Gcm, 88)]
    public void Export_length_is_twice_key_plus_salt(SrtpProfile profile, int expected)
    {
        Assert.Equal(expected, SrtpKeys.GetExportLength(profile));
    }

    [Fact]
    public void Exported_material_splits_as_client_key_server_key_client_salt_server_salt()
    {
        // RFC 5764 4.2, AEAD_AES_128_GCM: 16-byte keys, 12-byte salts, each filled with its own marker.
        var material = new byte[56];
        material.AsSpan(0, 16).Fill(0xC1);
        material.AsSpan(16, 16).Fill(0x51);
        material.AsSpan(32, 12).Fill(0xC2);
        material.AsSpan(44, 12).Fill(0x52);

        var client = SrtpKeys.FromDtlsExport(SrtpProfile.AeadAes128Gcm, material, isDtlsClient: true);
        var server = SrtpKeys.FromDtlsExport(SrtpProfile.AeadAes128Gcm, material, isDtlsClient: false);

        Assert.Equal(Enumerable.Repeat((byte)0xC1, 16), client.Local.Key.ToArray());
        Assert.Equal(Enumerable.Repeat((byte)0xC2, 12), client.Local.Salt.ToArray());
        Assert.Equal(Enumerable.Repeat((byte)0x51, 16), client.Remote.Key.ToArray());
        Assert.Equal(Enumerable.Repeat((byte)0x52, 12), client.Remote.Salt.ToArray());
        Assert.Equal(client.Local.Key.ToArray(), server.Remote.Key.ToArray());
        Assert.Equal(client.Local.Salt.ToArray(), server.Remote.Salt.ToArray());
        Assert.Equal(client.Remote.Key.ToArray(), server.Local.Key.ToArray());
        Assert.Equal(client.Remote.Salt.ToArray(), server.Local.Salt.ToArray());
        Assert.Equal(SrtpProfile.AeadAes128Gcm, server.Profile);
    }

    [Fact]
    public void Keying_material_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            SrtpKeys.FromDtlsExport(SrtpProfile.Aes128CmHmacSha1Tag80, new byte[59], isDtlsClient: true));
        Assert.Throws<ArgumentException>(() =>
            SrtpKeys.FromDtlsExport(SrtpProfile.None, new byte[60], isDtlsClient: true));
    }

    [Fact]
    public void Master_keys_check_their_lengths_against_the_profile()
    {
        Assert.Throws<ArgumentException>(() => new SrtpMasterKey(SrtpProfile.AeadAes128Gcm, new byte[16], new byte[14]));
        Assert.Throws<ArgumentException>(() => new SrtpMasterKey(SrtpProfile.AeadAes256Gcm, new byte[16], new byte[12]));
        Assert.Throws<ArgumentException>(() => new SrtpKeys(
            TestPackets.MasterKey(SrtpProfile.AeadAes128Gcm),
            TestPackets.MasterKey(SrtpProfile.Aes128CmHmacSha1Tag80)));
    }
}
