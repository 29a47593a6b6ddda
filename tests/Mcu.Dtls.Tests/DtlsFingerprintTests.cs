using System.Security.Cryptography;

namespace Mcu.Dtls.Tests;

public sealed class DtlsFingerprintTests
{
    [Fact]
    public void Formats_as_SDP_writes_it_and_matches_only_its_certificate()
    {
        byte[] der = [1, 2, 3];
        DtlsFingerprint fingerprint = DtlsFingerprint.Compute("SHA-256", der);
        string expectedHex = string.Join(':', SHA256.HashData(der).Select(b => b.ToString("X2", null)));

        Assert.Equal("sha-256", fingerprint.Algorithm);
        Assert.Equal(expectedHex, fingerprint.FormatValue());
        Assert.Equal("sha-256 " + expectedHex, fingerprint.ToString());
        Assert.True(fingerprint.Matches(der));
        Assert.False(fingerprint.Matches([1, 2]));
    }

    [Fact]
    public void A_signalled_value_matches_the_certificate_it_was_computed_from()
    {
        byte[] der = [4, 5, 6];
        byte[] digest = SHA512.HashData(der);

        Assert.True(DtlsFingerprint.TryCreate("SHA-512", digest, out DtlsFingerprint? fingerprint));
        Assert.Equal("sha-512", fingerprint.Algorithm);
        Assert.True(fingerprint.Matches(der));
        Assert.False(fingerprint.Matches([1, 2, 3]));
    }

    [Fact]
    public void Supports_the_SHA_2_hash_functions_SDP_uses()
    {
        Assert.Equal(48, DtlsFingerprint.Compute("sha-384", [1]).Value.Length);
        Assert.Equal(64, DtlsFingerprint.Compute("sha-512", [1]).Value.Length);
        Assert.Throws<NotSupportedException>(() => DtlsFingerprint.Compute("sha-1", [1]));
        Assert.False(DtlsFingerprint.TryCreate("md5", new byte[16], out _));
        Assert.False(DtlsFingerprint.TryCreate("sha-512", new byte[32], out _));
    }
}
