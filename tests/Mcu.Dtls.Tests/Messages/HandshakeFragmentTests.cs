using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class HandshakeFragmentTests
{
    [Fact]
    public void Reads_back_the_header_it_writes_and_the_fragment_bytes()
    {
        byte[] bytes = new byte[HandshakeFragment.HeaderLength + 3];
        HandshakeFragment.WriteHeader(bytes, HandshakeType.Certificate, 500, 4, 200, 3);
        bytes[12] = 1;

        var reader = new TlsReader(bytes);
        Assert.True(HandshakeFragment.TryRead(ref reader, out HandshakeFragment fragment));

        Assert.Equal(HandshakeType.Certificate, fragment.Type);
        Assert.Equal(500, fragment.MessageLength);
        Assert.Equal(4, fragment.MessageSequence);
        Assert.Equal(200, fragment.FragmentOffset);
        Assert.Equal([1, 0, 0], fragment.Data.ToArray());
        Assert.True(reader.IsEmpty);
    }

    [Theory]
    [InlineData(10, 0, 0, 11)]
    [InlineData(10, 0, 8, 3)]
    [InlineData(10, 0, 0xFFFFFF, 1)]
    [InlineData(10, 3, 0, 4)]
    public void Rejects_fragments_reaching_past_their_message_or_their_record(int messageLength, int available, int offset, int fragmentLength)
    {
        byte[] bytes = new byte[HandshakeFragment.HeaderLength + available];
        HandshakeFragment.WriteHeader(bytes, HandshakeType.ClientHello, messageLength, 0, offset, fragmentLength);

        var reader = new TlsReader(bytes);
        Assert.False(HandshakeFragment.TryRead(ref reader, out _));
    }
}
