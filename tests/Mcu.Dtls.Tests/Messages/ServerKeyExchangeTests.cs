using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class ServerKeyExchangeTests
{
    [Fact]
    public void Reads_back_the_parameters_it_signs_and_the_signature()
    {
        byte[] parameters = ServerKeyExchange.CreateParameters(29, [1, 2, 3, 4]);
        byte[] body = ServerKeyExchange.Create(parameters, 0x0403, [9, 8, 7]);

        Assert.True(ServerKeyExchange.TryParse(body, out ServerKeyExchange message));

        Assert.Equal([3, 0, 29, 4, 1, 2, 3, 4], parameters);
        Assert.Equal(29, message.Group);
        Assert.Equal([1, 2, 3, 4], message.PublicKey.ToArray());
        Assert.Equal(parameters, message.Parameters.ToArray());
        Assert.Equal(0x0403, message.SignatureScheme);
        Assert.Equal([9, 8, 7], message.Signature.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 29, 1, 5, 4, 3, 0, 1, 1 })]
    [InlineData(new byte[] { 3, 0, 29, 0, 4, 3, 0, 1, 1 })]
    [InlineData(new byte[] { 3, 0, 29, 1, 5, 4, 3, 0, 0 })]
    [InlineData(new byte[] { 3, 0, 29, 1, 5, 4, 3, 0, 2, 1 })]
    [InlineData(new byte[] { 3, 0, 29, 1, 5, 4, 3, 0, 1, 1, 0 })]
    public void Rejects_explicit_curves_empty_keys_or_signatures_and_bad_lengths(byte[] body) =>
        Assert.False(ServerKeyExchange.TryParse(body, out _));
}
