using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class HelloVerifyRequestTests
{
    [Fact]
    public void Reads_the_cookie_whatever_the_version()
    {
        Assert.True(HelloVerifyRequest.TryParse([0xFE, 0xFF, 3, 1, 2, 3], out ReadOnlySpan<byte> cookie));
        Assert.Equal([1, 2, 3], cookie.ToArray());
        Assert.True(HelloVerifyRequest.TryParse([0xFE, 0xFD, 0], out cookie));
        Assert.True(cookie.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 0xFE, 0xFF, 3, 1, 2 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 1, 1, 2 })]
    [InlineData(new byte[] { 0xFE })]
    public void Rejects_short_or_overlong_bodies(byte[] body) => Assert.False(HelloVerifyRequest.TryParse(body, out _));
}
