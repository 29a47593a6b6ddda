using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mcu.Dtls.Tests;

public sealed class DtlsCertificateTests
{
    [Fact]
    public void Is_a_self_signed_P256_certificate_valid_around_now_that_dotnet_can_read()
    {
        var now = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);
        DtlsCertificate certificate = DtlsCertificate.Generate(now);

        using var parsed = X509CertificateLoader.LoadCertificate(certificate.Der.Span);
        using ECDsa? key = parsed.GetECDsaPublicKey();

        Assert.Equal("CN=mcu", parsed.Subject);
        Assert.Equal(parsed.Subject, parsed.Issuer);
        Assert.Equal(now.AddDays(-1), new DateTimeOffset(parsed.NotBefore.ToUniversalTime()));
        Assert.Equal(now.AddDays(30), new DateTimeOffset(parsed.NotAfter.ToUniversalTime()));
        Assert.Equal((certificate.NotBefore, certificate.NotAfter), (now.AddDays(-1), now.AddDays(30)));
        Assert.NotNull(key);
        Assert.Equal("1.2.840.10045.3.1.7", key.ExportParameters(false).Curve.Oid.Value);
        Assert.Equal("1.2.840.10045.4.3.2", parsed.SignatureAlgorithm.Value);
        Assert.Equal("sha-256 " + parsed.GetCertHashString(HashAlgorithmName.SHA256).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + ":" + b), certificate.Fingerprint.ToString());
    }

    [Fact]
    public void Signs_with_ECDSA_SHA256_that_an_independent_implementation_verifies()
    {
        DtlsCertificate certificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
        using var parsed = X509CertificateLoader.LoadCertificate(certificate.Der.Span);
        using ECDsa key = parsed.GetECDsaPublicKey()!;

        byte[] signature = certificate.Sign("handshake messages"u8);

        Assert.True(key.VerifyData("handshake messages"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(key.VerifyData("other messages"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Every_certificate_has_its_own_key_and_serial()
    {
        DtlsCertificate first = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
        DtlsCertificate second = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
        using var a = X509CertificateLoader.LoadCertificate(first.Der.Span);
        using var b = X509CertificateLoader.LoadCertificate(second.Der.Span);

        Assert.NotEqual(a.SerialNumber, b.SerialNumber);
        Assert.NotEqual(first.Fingerprint.ToString(), second.Fingerprint.ToString());
    }
}
