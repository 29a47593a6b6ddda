using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class ServerHelloTests
{
    [Fact]
    public void Our_ServerHello_echoes_only_the_extensions_asked_for()
    {
        byte[] random = new byte[32];
        random[0] = 9;
        byte[] full = ServerHello.Create(random, 0xC02B, 7, extendedMasterSecret: true, renegotiationInfo: true, ecPointFormats: true);
        byte[] minimal = ServerHello.Create(random, 0xC02C, 1, extendedMasterSecret: false, renegotiationInfo: false, ecPointFormats: false);

        Assert.True(ServerHello.TryParse(full, out ServerHello hello));
        Assert.True(HelloExtensions.TryParse(hello.Extensions, out HelloExtensions extensions));
        Assert.Equal(0xFEFD, hello.Version);
        Assert.Equal(random, hello.Random.ToArray());
        Assert.Equal(0xC02B, hello.CipherSuite);
        Assert.Equal(0, hello.CompressionMethod);
        Assert.True(extensions.ExtendedMasterSecret && extensions.HasRenegotiationInfo && extensions.HasEcPointFormats);
        Assert.Equal(1, extensions.SrtpProfiles.Count);
        Assert.Equal(7, extensions.SrtpProfiles[0]);

        Assert.True(ServerHello.TryParse(minimal, out hello));
        Assert.True(HelloExtensions.TryParse(hello.Extensions, out extensions));
        Assert.False(extensions.ExtendedMasterSecret || extensions.HasRenegotiationInfo || extensions.HasEcPointFormats);
        Assert.Equal(1, extensions.SrtpProfiles[0]);
    }

    [Fact]
    public void Rejects_truncation_and_trailing_bytes()
    {
        byte[] body = ServerHello.Create(new byte[32], 0xC02B, 7, true, true, true);

        for (int length = 0; length < body.Length; length++)
        {
            bool parsed = ServerHello.TryParse(body.AsSpan(0, length), out _);
            Assert.True(!parsed || length == 38, $"parsed a ServerHello cut to {length} bytes");
        }

        Assert.False(ServerHello.TryParse([.. body, 1], out _));
    }
}
