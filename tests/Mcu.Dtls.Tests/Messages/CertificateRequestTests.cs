using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class CertificateRequestTests
{
    [Fact]
    public void Reads_back_types_and_signature_algorithms()
    {
        byte[] body = CertificateRequest.Create([CertificateRequest.EcdsaSign, CertificateRequest.RsaSign], [0x0403, 0x0804]);

        Assert.True(CertificateRequest.TryParse(body, out CertificateRequest request));

        Assert.Equal([64, 1], request.CertificateTypes.ToArray());
        Assert.True(request.SignatureAlgorithms.Contains(0x0804));
        Assert.Equal(2, request.SignatureAlgorithms.Count);
    }

    [Fact]
    public void Accepts_certificate_authority_names_and_rejects_bad_lengths()
    {
        Assert.True(CertificateRequest.TryParse([1, 64, 0, 2, 4, 3, 0, 3, 0, 1, 0], out _));
        Assert.False(CertificateRequest.TryParse([0, 0, 2, 4, 3, 0, 0], out _));
        Assert.False(CertificateRequest.TryParse([1, 64, 0, 0, 0, 0], out _));
        Assert.False(CertificateRequest.TryParse([1, 64, 0, 2, 4, 3, 0, 5, 0], out _));
        Assert.False(CertificateRequest.TryParse([1, 64, 0, 2, 4, 3, 0, 0, 9], out _));
    }
}
