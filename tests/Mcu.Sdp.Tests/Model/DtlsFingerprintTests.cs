namespace Mcu.Sdp.Tests;

public class DtlsFingerprintTests
{
    private const string Sha256Text = "sha-256 A5:4D:CA:18:25:30:BB:1D:6D:13:2C:DE:D6:23:7B:2E:D9:1E:3F:72:1F:CB:19:71:17:44:94:D6:49:3C:9D:5C";

    [Fact]
    public void Parses_and_writes_upper_case_hex()
    {
        DtlsFingerprint fingerprint = DtlsFingerprint.Parse(Sha256Text.ToLowerInvariant().Replace("sha-256", "SHA-256", StringComparison.Ordinal));

        Assert.Equal(DtlsFingerprint.Sha256, fingerprint.Algorithm);
        Assert.Equal(32, fingerprint.Value.Length);
        Assert.Equal(0xA5, fingerprint.Value.Span[0]);
        Assert.Equal(Sha256Text, fingerprint.ToString());
        Assert.True(fingerprint.IsSha256OrStronger);
    }

    [Fact]
    public void Sha512_fingerprint_is_strong_and_round_trips()
    {
        var fingerprint = new DtlsFingerprint("SHA-512", Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());

        Assert.Equal("sha-512", fingerprint.Algorithm);
        Assert.True(fingerprint.IsSha256OrStronger);
        Assert.Equal(fingerprint, DtlsFingerprint.Parse(fingerprint.ToString()));
    }

    [Fact]
    public void Sha1_is_parsed_but_not_strong_enough()
    {
        DtlsFingerprint fingerprint = DtlsFingerprint.Parse("sha-1 " + string.Join(':', Enumerable.Repeat("0F", 20)));

        Assert.False(fingerprint.IsSha256OrStronger);
    }

    [Theory]
    [InlineData("sha-256")]
    [InlineData("sha-256 A5:4D")]
    [InlineData("sha-256 A5:4D:")]
    [InlineData("sha-256 A54D")]
    [InlineData("sha-256 G5:4D")]
    [InlineData("sha-256 ABCD:EF")]
    [InlineData("sha-256 A5-4D-CA-18-25-30-BB-1D-6D-13-2C-DE-D6-23-7B-2E-D9-1E-3F-72-1F-CB-19-71-17-44-94-D6-49-3C-9D-5C")]
    [InlineData("")]
    public void Malformed_values_are_refused(string value)
    {
        Assert.False(DtlsFingerprint.TryParse(value, out _));
        Assert.Throws<SdpException>(() => DtlsFingerprint.Parse(value));
    }
}
