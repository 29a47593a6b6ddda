using Mcu.Dtls.Handshakes;
using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Handshakes;

public sealed class HandshakeReassemblerTests
{
    [Fact]
    public void Reassembles_out_of_order_overlapping_fragments_and_releases_messages_in_sequence()
    {
        var reassembler = new HandshakeReassembler(1024);
        byte[] certificate = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        Assert.Equal(FragmentStatus.Accepted, Add(reassembler, HandshakeType.ServerHelloDone, 1, 0, 0, []));
        Assert.False(reassembler.TryTakeNext(out _, out _, out _));
        Assert.Equal(FragmentStatus.Accepted, Add(reassembler, HandshakeType.Certificate, 0, 300, 200, certificate.AsSpan(200)));
        Assert.Equal(FragmentStatus.Accepted, Add(reassembler, HandshakeType.Certificate, 0, 300, 0, certificate.AsSpan(0, 150)));
        Assert.False(reassembler.TryTakeNext(out _, out _, out _));
        Assert.Equal(FragmentStatus.Accepted, Add(reassembler, HandshakeType.Certificate, 0, 300, 100, certificate.AsSpan(100, 110)));

        Assert.True(reassembler.TryTakeNext(out HandshakeType type, out ushort sequence, out byte[] body));
        Assert.Equal((HandshakeType.Certificate, (ushort)0), (type, sequence));
        Assert.Equal(certificate, body);
        Assert.True(reassembler.TryTakeNext(out type, out sequence, out body));
        Assert.Equal((HandshakeType.ServerHelloDone, (ushort)1), (type, sequence));
        Assert.Empty(body);
        Assert.Equal(2, reassembler.NextSequence);
    }

    [Fact]
    public void Keeps_the_first_copy_of_each_byte_and_reports_repeats()
    {
        var reassembler = new HandshakeReassembler(1024);
        Add(reassembler, HandshakeType.Finished, 0, 4, 0, [1, 2]);

        Assert.Equal(FragmentStatus.Duplicate, Add(reassembler, HandshakeType.Finished, 0, 4, 0, [9, 9]));
        Assert.Equal(FragmentStatus.Accepted, Add(reassembler, HandshakeType.Finished, 0, 4, 1, [9, 3, 4]));
        Assert.True(reassembler.TryTakeNext(out _, out _, out byte[] body));
        Assert.Equal([1, 2, 3, 4], body);
        Assert.Equal(FragmentStatus.Old, Add(reassembler, HandshakeType.Finished, 0, 4, 0, [1, 2, 3, 4]));
    }

    [Fact]
    public void Drops_inconsistent_fragments_far_future_messages_and_oversized_ones()
    {
        var reassembler = new HandshakeReassembler(1024);
        Add(reassembler, HandshakeType.Certificate, 0, 10, 0, [1]);

        Assert.Equal(FragmentStatus.Inconsistent, Add(reassembler, HandshakeType.ServerHello, 0, 10, 1, [1]));
        Assert.Equal(FragmentStatus.Inconsistent, Add(reassembler, HandshakeType.Certificate, 0, 11, 1, [1]));
        Assert.Equal(FragmentStatus.OutOfWindow, Add(reassembler, HandshakeType.Finished, HandshakeReassembler.Window, 1, 0, [1]));
        Assert.Equal(FragmentStatus.TooLarge, Add(reassembler, HandshakeType.Certificate, 1, 1025, 0, [1]));
    }

    private static FragmentStatus Add(HandshakeReassembler reassembler, HandshakeType type, ushort sequence, int length, int offset, ReadOnlySpan<byte> data)
    {
        byte[] bytes = new byte[HandshakeFragment.HeaderLength + data.Length];
        HandshakeFragment.WriteHeader(bytes, type, length, sequence, offset, data.Length);
        data.CopyTo(bytes.AsSpan(HandshakeFragment.HeaderLength));
        var reader = new TlsReader(bytes);
        Assert.True(HandshakeFragment.TryRead(ref reader, out HandshakeFragment fragment));
        return reassembler.Add(fragment);
    }
}
