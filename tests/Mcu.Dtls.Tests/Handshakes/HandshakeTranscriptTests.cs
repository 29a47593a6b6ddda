using System.Security.Cryptography;
using Mcu.Dtls.Handshakes;
using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Handshakes;

public sealed class HandshakeTranscriptTests
{
    [Fact]
    public void Records_each_message_with_an_unfragmented_DTLS_header()
    {
        var transcript = new HandshakeTranscript();
        transcript.Append(HandshakeType.ClientHello, 1, [0xAA, 0xBB]);
        transcript.Append(HandshakeType.ServerHelloDone, 2, []);

        byte[] expected = [1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 2, 0xAA, 0xBB, 14, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0];
        Assert.Equal(expected, transcript.Messages.ToArray());

        byte[] hash = new byte[48];
        Assert.Equal(32, transcript.ComputeHash(HashAlgorithmName.SHA256, hash));
        Assert.Equal(SHA256.HashData(expected), hash.AsSpan(0, 32).ToArray());
        Assert.Equal(48, transcript.ComputeHash(HashAlgorithmName.SHA384, hash));
        Assert.Equal(SHA384.HashData(expected), hash);
    }

    [Fact]
    public void Grows_past_its_initial_buffer()
    {
        var transcript = new HandshakeTranscript();
        transcript.Append(HandshakeType.Certificate, 0, new byte[5000]);
        transcript.Append(HandshakeType.Certificate, 1, new byte[5000]);

        Assert.Equal(2 * (HandshakeFragment.HeaderLength + 5000), transcript.Messages.Length);
    }
}
