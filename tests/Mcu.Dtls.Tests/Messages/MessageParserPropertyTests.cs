using Mcu.Dtls.Crypto;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Messages;

/// <summary>Random and mutated bytes into every message parser: they must only ever return true or false.</summary>
public sealed class MessageParserPropertyTests
{
    private const int Iterations = 4000;

    public static TheoryData<string> Seeds => new()
    {
        "client-hello",
        "browser-hello",
        "server-hello",
        "server-key-exchange",
        "certificate-request",
        "certificate",
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_messages_never_throw(string seedName)
    {
        byte[] seed = Seed(seedName);
        var random = new Random(seedName.Length * 7919);
        for (int i = 0; i < Iterations; i++)
        {
            byte[] mutated = Mutate(random, seed);
            ParseEverything(mutated);
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(3);
        byte[] buffer = new byte[300];
        for (int i = 0; i < Iterations; i++)
        {
            int length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            ParseEverything(buffer.AsSpan(0, length));
        }
    }

    internal static byte[] Mutate(Random random, byte[] seed)
    {
        byte[] mutated = (byte[])seed.Clone();
        for (int flips = random.Next(1, 5); flips > 0; flips--)
        {
            int position = random.Next(mutated.Length);
            mutated[position] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => 0xFF,
                _ => (byte)(mutated[position] ^ (1 << random.Next(8))),
            };
        }

        return random.Next(4) == 0 ? mutated.AsSpan(0, random.Next(mutated.Length + 1)).ToArray() : mutated;
    }

    private static void ParseEverything(ReadOnlySpan<byte> bytes)
    {
        if (ClientHello.TryParse(bytes, out ClientHello clientHello) && HelloExtensions.TryParse(clientHello.Extensions, out HelloExtensions extensions))
        {
            _ = extensions.SrtpProfiles.FirstCommon([7, 1]);
            _ = extensions.SupportedGroups.FirstCommon(NamedGroup.Preference);
            _ = clientHello.CipherSuites.FirstCommon(CipherSuite.Preference);
        }

        if (ServerHello.TryParse(bytes, out ServerHello serverHello))
        {
            _ = HelloExtensions.TryParse(serverHello.Extensions, out _);
        }

        _ = HelloExtensions.TryParse(bytes, out _);
        _ = HelloVerifyRequest.TryParse(bytes, out _);
        _ = CertificateMessage.TryParse(bytes, out _);
        _ = ServerKeyExchange.TryParse(bytes, out _);
        _ = CertificateRequest.TryParse(bytes, out _);
        _ = ClientKeyExchange.TryParse(bytes, out _);
        _ = CertificateVerify.TryParse(bytes, out _);
        var reader = new TlsReader(bytes);
        while (HandshakeFragment.TryRead(ref reader, out _))
        {
        }
    }

    private static byte[] Seed(string name) => name switch
    {
        "client-hello" => ClientHello.Create(new byte[32], [1, 2], CipherSuite.Preference, NamedGroup.Preference, SignatureScheme.Accepted, [7, 1]),
        "browser-hello" => new HelloBuilder().WithBrowserExtensions(7, 1).Build(),
        "server-hello" => ServerHello.Create(new byte[32], 0xC02B, 7, true, true, true),
        "server-key-exchange" => ServerKeyExchange.Create(ServerKeyExchange.CreateParameters(23, new byte[65]), 0x0403, new byte[70]),
        "certificate-request" => CertificateRequest.Create([64, 1], SignatureScheme.Accepted),
        _ => CertificateMessage.Create(TestCertificates.Client.Der.Span),
    };
}
