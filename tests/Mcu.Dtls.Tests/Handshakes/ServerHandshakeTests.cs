using Mcu.Srtp;
using Mcu.Dtls.Crypto;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Handshakes;

public sealed class ServerHandshakeTests
{
    [Fact]
    public void Answers_a_browser_hello_with_the_full_flight_and_only_the_extensions_offered()
    {
        List<CapturedRecords.Fragment> flight = Answer(new HelloBuilder().WithBrowserExtensions(1, 7));

        Assert.Equal(
            [HandshakeType.ServerHello, HandshakeType.Certificate, HandshakeType.ServerKeyExchange, HandshakeType.CertificateRequest, HandshakeType.ServerHelloDone],
            flight.Select(f => f.Type));
        Assert.True(ServerHello.TryParse(flight[0].Data, out ServerHello hello));
        Assert.True(HelloExtensions.TryParse(hello.Extensions, out HelloExtensions extensions));
        Assert.Equal(0xC02B, hello.CipherSuite);
        Assert.Equal((ushort)SrtpProfile.AeadAes128Gcm, extensions.SrtpProfiles[0]);
        Assert.True(extensions.ExtendedMasterSecret && extensions.HasRenegotiationInfo && extensions.HasEcPointFormats);
        Assert.True(ServerKeyExchange.TryParse(flight[2].Data, out ServerKeyExchange keyExchange));
        Assert.Equal(NamedGroup.X25519, keyExchange.Group);
        Assert.True(CertificateRequest.TryParse(flight[3].Data, out CertificateRequest request));
        Assert.True(request.SignatureAlgorithms.Contains(SignatureScheme.RsaPssRsaeSha256));
    }

    [Fact]
    public void Falls_back_to_secp256r1_and_plain_master_secret_for_a_bare_hello()
    {
        List<CapturedRecords.Fragment> flight = Answer(new HelloBuilder { CipherSuites = [0x00FF, 0xC02C] }.Extension(14, 0, 2, 0, 1, 0));

        Assert.True(ServerHello.TryParse(flight[0].Data, out ServerHello hello));
        Assert.True(HelloExtensions.TryParse(hello.Extensions, out HelloExtensions extensions));
        Assert.Equal(0xC02C, hello.CipherSuite);
        Assert.False(extensions.ExtendedMasterSecret || extensions.HasEcPointFormats);
        Assert.True(extensions.HasRenegotiationInfo);
        Assert.True(ServerKeyExchange.TryParse(flight[2].Data, out ServerKeyExchange keyExchange));
        Assert.Equal(NamedGroup.Secp256r1, keyExchange.Group);
        Assert.Equal(65, keyExchange.PublicKey.Length);
    }

    private static List<CapturedRecords.Fragment> Answer(HelloBuilder hello)
    {
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);
        server.HandleDatagram(TimeSpan.Zero, HelloBuilder.Record(1, hello.Build()));
        Assert.Equal(DtlsState.Handshaking, server.State);
        return CapturedRecords.HandshakeFragments(DatagramParts.Poll(server));
    }
}
