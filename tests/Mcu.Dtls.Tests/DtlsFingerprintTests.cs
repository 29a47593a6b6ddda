using System.Security.Cryptography;

namespace Mcu.Dtls.Tests;

public sealed class DtlsFingerprintTests
{
    [Fact]
    public void Formats_as_SDP_writes_it_and_parses_back()
    {
        byte[] der = [1, 2, 3];
        DtlsFingerprint fingerprint = DtlsFingerprint.Compute("SHA-256", der);
        string expectedHex = string.Join(':', SHA256.HashData(der).Select(b => b.ToString("X2", null)));

        Assert.Equal("sha-256", fingerprint.Algorithm);
        Assert.Equal("sha-256 " + expectedHex, fingerprint.ToString());
        Assert.True(DtlsFingerprint.TryParse(" " + fingerprint.ToString().ToUpperInvariant() + " ", out DtlsFingerprint? parsed));
        Assert.Equal(fingerprint.Value.ToArray(), parsed!.Value.ToArray());
        Assert.True(parsed.Matches(der));
        Assert.False(parsed.Matches([1, 2]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("sha-256 AB:CD")]
    [InlineData("md5 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89")]
    [InlineData("sha-256 ABCD:EF")]
    [InlineData("sha-256 AB-CD-EF-01-23-45-67-89-AB-CD-EF-01-23-45-67-89-AB-CD-EF-01-23-45-67-89-AB-CD-EF-01-23-45-67-89")]
    [InlineData("sha-256 GG:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89")]
    public void Rejects_malformed_or_unsupported_attribute_values(string? value)
    {
        Assert.False(DtlsFingerprint.TryParse(value, out DtlsFingerprint? fingerprint));
        Assert.Null(fingerprint);
    }

    [Fact]
    public void Supports_the_SHA_2_hash_functions_SDP_uses()
    {
        Assert.Equal(48, DtlsFingerprint.Compute("sha-384", [1]).Value.Length);
        Assert.Equal(64, DtlsFingerprint.Compute("sha-512", [1]).Value.Length);
        Assert.Throws<NotSupportedException>(() => DtlsFingerprint.Compute("sha-1", [1]));
        Assert.True(DtlsFingerprint.TryCreate("SHA-512", new byte[64], out _));
        Assert.False(DtlsFingerprint.TryCreate("sha-512", new byte[32], out _));
    }
}
