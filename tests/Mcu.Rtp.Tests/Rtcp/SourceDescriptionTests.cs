using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class SourceDescriptionTests
{
    [Fact]
    public void Parses_chunks_and_items()
    {
        Assert.True(SourceDescription.TryParse(RtcpPackets.SourceDescription, out var sdes));
        Assert.Equal(2, sdes.ChunkCount);

        var ssrcs = new List<uint>();
        var items = new List<(SdesItemType, string)>();
        foreach (var chunk in sdes)
        {
            ssrcs.Add(chunk.Ssrc);
            foreach (var item in chunk)
            {
                items.Add((item.Type, System.Text.Encoding.ASCII.GetString(item.Value)));
            }
        }
        Assert.Equal(new[] { 0x11223344u, 0x55667788u }, ssrcs);
        Assert.Equal(
            new[] { (SdesItemType.CanonicalName, "hello"), (SdesItemType.Name, "ab"), (SdesItemType.CanonicalName, "x") },
            items);

        Assert.True(sdes.TryGetCanonicalName(out var ssrc, out var cname));
        Assert.Equal(0x11223344u, ssrc);
        Assert.Equal("hello"u8.ToArray(), cname.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(255)]
    public void Cname_packets_round_trip_with_word_padding(int length)
    {
        var cname = new byte[length];
        Array.Fill(cname, (byte)'c');
        var size = SourceDescription.GetCanonicalNameSize(length);
        Assert.Equal(0, size % 4);
        var buffer = new byte[size];
        Assert.True(SourceDescription.TryWriteCanonicalName(buffer, 0xABCD, cname, out var written));
        Assert.Equal(size, written);

        Assert.True(SourceDescription.TryParse(buffer, out var sdes));
        Assert.True(sdes.TryGetCanonicalName(out var ssrc, out var read));
        Assert.Equal(0xABCDu, ssrc);
        Assert.Equal(cname, read.ToArray());
    }

    [Theory]
    [InlineData("83 ca 00 06 11 22 33 44 01 05 68 65 6c 6c 6f 00 55 66 77 88 02 02 61 62 01 01 78 00")] // SC=3, two chunks
    [InlineData("81 ca 00 02 11 22 33 44 01 09 68 65 00 00")]                                           // item length past the end
    [InlineData("81 ca 00 02 11 22 33 44 01 02 68 65")]                                                 // no end item
    [InlineData("81 ca 00 01 11 22 33 44")]                                                             // chunk without items or end
    public void Malformed_chunks_are_rejected(string hex)
    {
        var bytes = Bytes.FromHex(hex);
        Assert.False(SourceDescription.TryParse(bytes, out _));
    }

    [Fact]
    public void Oversized_cname_or_buffer_is_refused()
    {
        Assert.False(SourceDescription.TryWriteCanonicalName(new byte[400], 1, new byte[256], out _));
        Assert.False(SourceDescription.TryWriteCanonicalName(new byte[11], 1, "abc"u8, out _));
    }
}
