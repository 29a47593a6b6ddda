using Mcu.Dtls.Crypto;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Messages;

public sealed class ClientHelloTests
{
    [Fact]
    public void Our_ClientHello_reads_back_with_the_DTLS_SRTP_extensions()
    {
        byte[] random = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        byte[] body = ClientHello.Create(random, [0xAA, 0xBB], CipherSuite.Preference, NamedGroup.Preference, SignatureScheme.Accepted, [7, 1]);

        Assert.True(ClientHello.TryParse(body, out ClientHello hello));
        Assert.True(HelloExtensions.TryParse(hello.Extensions, out HelloExtensions extensions));

        Assert.Equal(0xFEFD, hello.Version);
        Assert.Equal(random, hello.Random.ToArray());
        Assert.True(hello.SessionId.IsEmpty);
        Assert.Equal([0xAA, 0xBB], hello.Cookie.ToArray());
        Assert.True(hello.CipherSuites.Contains(0xC02B) && hello.CipherSuites.Contains(0xC02C));
        Assert.Equal([0], hello.CompressionMethods.ToArray());
        Assert.True(extensions.SupportedGroups.Contains(NamedGroup.X25519) && extensions.SupportedGroups.Contains(NamedGroup.Secp256r1));
        Assert.True(extensions.SignatureAlgorithms.Contains(SignatureScheme.EcdsaSecp256r1Sha256));
        Assert.Equal([0], extensions.EcPointFormats.ToArray());
        Assert.Equal(2, extensions.SrtpProfiles.Count);
        Assert.Equal(7, extensions.SrtpProfiles[0]);
        Assert.True(extensions.SrtpMki.IsEmpty);
        Assert.True(extensions.ExtendedMasterSecret);
        Assert.True(extensions.HasRenegotiationInfo && extensions.RenegotiatedConnection.IsEmpty);
    }

    [Fact]
    public void A_browser_hello_with_DTLS_1_3_extensions_parses_and_the_unknown_ones_are_skipped()
    {
        byte[] body = new HelloBuilder().WithBrowserExtensions(7, 1).Build();

        Assert.True(ClientHello.TryParse(body, out ClientHello hello));
        Assert.True(HelloExtensions.TryParse(hello.Extensions, out HelloExtensions extensions));
        Assert.Equal((ushort)29, extensions.SupportedGroups.FirstCommon(NamedGroup.Preference));
        Assert.True(extensions.HasUseSrtp);
    }

    [Fact]
    public void A_hello_without_extensions_parses()
    {
        Assert.True(ClientHello.TryParse(new HelloBuilder().Build(withExtensionBlock: false), out ClientHello hello));
        Assert.True(hello.Extensions.IsEmpty);
    }

    [Fact]
    public void Rejects_absurd_lengths_and_trailing_bytes()
    {
        byte[] valid = new HelloBuilder().WithBrowserExtensions(7).Build();
        int extensionsLengthOffset = 2 + 32 + 1 + 1 + 2 + 6 + 2;

        byte[] extensionBlockTooLong = (byte[])valid.Clone();
        extensionBlockTooLong[extensionsLengthOffset] = 0xFF;
        byte[] firstExtensionTooLong = (byte[])valid.Clone();
        firstExtensionTooLong[extensionsLengthOffset + 4] = 0xFF;

        Assert.False(ClientHello.TryParse(extensionBlockTooLong, out _));
        Assert.True(ClientHello.TryParse(firstExtensionTooLong, out ClientHello lying));
        Assert.False(HelloExtensions.TryParse(lying.Extensions, out _));
        Assert.False(ClientHello.TryParse([.. valid, 0], out _));
        Assert.False(ClientHello.TryParse(valid.AsSpan(0, valid.Length - 1), out _));
        Assert.False(ClientHello.TryParse(new HelloBuilder { SessionId = new byte[33] }.Build(), out _));
        Assert.False(ClientHello.TryParse(new HelloBuilder { CompressionMethods = [] }.Build(), out _));
        Assert.False(ClientHello.TryParse(new HelloBuilder { CipherSuites = [] }.Build(), out _));
    }
}
