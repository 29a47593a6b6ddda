namespace Mcu.Srtp.Tests;

public class AesCounterModeTests
{
    // RFC 3711 appendix B.2: the keystream segment of 1044512 octets (65282 AES blocks).
    [Fact]
    public void Keystream_matches_rfc3711_b2_at_both_ends_of_the_segment()
    {
        using var aesCm = new AesCounterMode(Hex.Parse("2B7E151628AED2A6ABF7158809CF4F3C"));
        var keystream = new byte[1044512];

        aesCm.Apply(Hex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal(
            Hex.Parse("""
                E03EAD0935C95E80E166B16DD92B4EB4
                D23513162B02D0F72A43A2FE4A5F97AB
                41E95B3BB0A2E8DD477901E4FCA894C0
                """),
            keystream[..48]);
        Assert.Equal(
            Hex.Parse("""
                EC8CDF7398607CB0F2D21675EA9EA1E4
                362B7C3C6773516318A077D7FC5073AE
                6A2CC3787889374FBEB4C81B17BA6C44
                """),
            keystream[^48..]);
    }

    [Fact]
    public void Applying_the_same_keystream_twice_restores_the_data_of_any_length()
    {
        using var aesCm = new AesCounterMode(Hex.Parse("2B7E151628AED2A6ABF7158809CF4F3C"));
        var iv = Hex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        foreach (var length in new[] { 0, 1, 15, 16, 17, 31, 2047, 2048, 2049, 5000 })
        {
            var original = new byte[length];
            new Random(length).NextBytes(original);
            var data = (byte[])original.Clone();

            aesCm.Apply(iv, data);
            if (length >= 16)
            {
                Assert.NotEqual(original, data);
            }
            aesCm.Apply(iv, data);

            Assert.Equal(original, data);
        }
    }
}
