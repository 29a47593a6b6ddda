namespace Mcu.Srtp.Tests;

public class SrtpProfileExtensionsTests
{
    // RFC 5764 4.1.2 and RFC 7714 12 / 14.2.
    [Theory]
    [InlineData(SrtpProfile.Aes128CmHmacSha1Tag80, 0x0001, 16, 14, 10, 10, false)]
    [InlineData(SrtpProfile.Aes128CmHmacSha1Tag32, 0x0002, 16, 14, 4, 10, false)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 0x0007, 16, 12, 16, 16, true)]
    [InlineData(SrtpProfile.AeadAes256Gcm, 0x0008, 32, 12, 16, 16, true)]
    public void Lengths_and_ids_match_the_iana_registry(
        SrtpProfile profile, int id, int keyLength, int saltLength, int rtpTag, int rtcpTag, bool aead)
    {
        Assert.Equal(id, (int)profile);
        Assert.True(profile.IsSupported());
        Assert.Equal(aead, profile.IsAead());
        Assert.Equal(keyLength, profile.GetMasterKeyLength());
        Assert.Equal(saltLength, profile.GetMasterSaltLength());
        Assert.Equal(rtpTag, profile.GetRtpTagLength());
        Assert.Equal(rtcpTag, profile.GetRtcpTagLength());
        Assert.Equal(rtcpTag + 4, profile.GetRtcpOverhead());
    }

    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0005)] // SRTP_NULL_HMAC_SHA1_80: no confidentiality, not offered.
    [InlineData(0x0009)]
    public void Other_profiles_are_unsupported_and_have_no_lengths(int id)
    {
        var profile = (SrtpProfile)id;

        Assert.False(profile.IsSupported());
        Assert.Throws<ArgumentException>(() => profile.GetMasterKeyLength());
    }
}
