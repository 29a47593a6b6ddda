using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class CertificateVerifyTests
{
    [Fact]
    public void Carries_scheme_and_signature()
    {
        byte[] body = CertificateVerify.Create(0x0503, [1, 2]);

        Assert.Equal([5, 3, 0, 2, 1, 2], body);
        Assert.True(CertificateVerify.TryParse(body, out DigitallySigned signed));
        Assert.Equal(0x0503, signed.Scheme);
        Assert.Equal([1, 2], signed.Signature.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 4, 3, 0, 0 })]
    [InlineData(new byte[] { 4, 3, 0, 2, 1 })]
    [InlineData(new byte[] { 4, 3, 0, 1, 1, 1 })]
    [InlineData(new byte[] { 4 })]
    public void Rejects_empty_truncated_or_overlong_signatures(byte[] body) => Assert.False(CertificateVerify.TryParse(body, out _));
}
