using Mcu.Dtls.Crypto;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Crypto;

public sealed class PeerCertificateTests
{
    [Fact]
    public void Verifies_what_our_certificate_signed_and_nothing_else()
    {
        PeerCertificate? certificate = PeerCertificate.TryParse(TestCertificates.Client.Der.Span);
        byte[] signature = TestCertificates.Client.Sign("signed data"u8);

        Assert.NotNull(certificate);
        Assert.True(certificate.Verify(SignatureScheme.EcdsaSecp256r1Sha256, "signed data"u8, signature));
        Assert.False(certificate.Verify(SignatureScheme.EcdsaSecp256r1Sha256, "other data"u8, signature));
        Assert.False(certificate.Verify(SignatureScheme.EcdsaSecp384r1Sha384, "signed data"u8, signature));
        Assert.False(certificate.Verify(SignatureScheme.RsaPkcs1Sha256, "signed data"u8, signature));
        Assert.False(certificate.Verify(0x0807, "signed data"u8, signature));
        Assert.False(certificate.Verify(SignatureScheme.EcdsaSecp256r1Sha256, "signed data"u8, [0x30, 0x02, 0x01]));
        Assert.False(PeerCertificate.TryParse(TestCertificates.Server.Der.Span)!.Verify(SignatureScheme.EcdsaSecp256r1Sha256, "signed data"u8, signature));
    }

    [Fact]
    public void Rejects_what_is_not_a_DER_certificate()
    {
        byte[] der = TestCertificates.Client.Der.ToArray();

        Assert.Null(PeerCertificate.TryParse([]));
        Assert.Null(PeerCertificate.TryParse([0x30, 0x03, 0x02, 0x01, 0x01]));
        Assert.Null(PeerCertificate.TryParse(der.AsSpan(0, der.Length - 1)));
        Assert.Null(PeerCertificate.TryParse([.. der, 0]));
    }

    [Fact]
    public void Mutated_certificates_never_throw()
    {
        byte[] der = TestCertificates.Client.Der.ToArray();
        var random = new Random(5);
        for (int i = 0; i < 2000; i++)
        {
            byte[] mutated = (byte[])der.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            PeerCertificate? certificate = PeerCertificate.TryParse(mutated.AsSpan(0, random.Next(mutated.Length + 1)));
            certificate?.Verify(SignatureScheme.EcdsaSecp256r1Sha256, "data"u8, mutated.AsSpan(0, 70));
        }
    }
}
