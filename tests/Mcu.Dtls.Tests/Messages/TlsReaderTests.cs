using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class TlsReaderTests
{
    [Fact]
    public void Reads_big_endian_integers_and_length_prefixed_vectors()
    {
        byte[] data = [1, 0, 2, 0, 0, 3, 0, 0, 0, 0, 0, 4, 2, 9, 9, 0, 1, 8, 0, 0, 1, 7];
        var reader = new TlsReader(data);

        Assert.True(reader.TryReadUInt8(out byte u8));
        Assert.True(reader.TryReadUInt16(out ushort u16));
        Assert.True(reader.TryReadUInt24(out int u24));
        Assert.True(reader.TryReadUInt48(out ulong u48));
        Assert.True(reader.TryReadVector8(out ReadOnlySpan<byte> v8));
        Assert.True(reader.TryReadVector16(out ReadOnlySpan<byte> v16));
        Assert.True(reader.TryReadVector24(out ReadOnlySpan<byte> v24));

        Assert.Equal((1, 2, 3, 4UL), (u8, u16, u24, u48));
        Assert.Equal([9, 9], v8.ToArray());
        Assert.Equal([8], v16.ToArray());
        Assert.Equal([7], v24.ToArray());
        Assert.True(reader.IsEmpty);
    }

    [Fact]
    public void Fails_instead_of_reading_past_the_end()
    {
        var reader = new TlsReader([0, 5, 1, 2]);

        Assert.False(reader.TryReadVector16(out ReadOnlySpan<byte> vector));
        Assert.True(vector.IsEmpty);
        Assert.False(new TlsReader([1]).TryReadUInt16(out _));
        Assert.False(new TlsReader([1, 2]).TryReadUInt24(out _));
        Assert.False(new TlsReader([1, 2, 3, 4, 5]).TryReadUInt48(out _));
        Assert.False(new TlsReader([]).TryReadUInt8(out _));
        Assert.False(new TlsReader([1]).TryReadBytes(-1, out _));
    }
}
