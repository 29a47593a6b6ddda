using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class ClientKeyExchangeTests
{
    [Fact]
    public void Carries_the_public_key_as_an_opaque_vector()
    {
        byte[] body = ClientKeyExchange.Create([5, 6, 7]);

        Assert.Equal([3, 5, 6, 7], body);
        Assert.True(ClientKeyExchange.TryParse(body, out ReadOnlySpan<byte> key));
        Assert.Equal([5, 6, 7], key.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 3, 5, 6 })]
    [InlineData(new byte[] { 1, 5, 6 })]
    public void Rejects_empty_short_or_overlong_bodies(byte[] body) => Assert.False(ClientKeyExchange.TryParse(body, out _));
}
