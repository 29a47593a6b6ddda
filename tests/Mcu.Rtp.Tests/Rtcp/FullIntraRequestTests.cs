using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class FullIntraRequestTests
{
    [Fact]
    public void Parses_entries_and_round_trips()
    {
        Assert.True(FullIntraRequest.TryParse(RtcpPackets.Fir, out var fir));
        Assert.Equal(1u, fir.SenderSsrc);
        Assert.Equal(1, fir.EntryCount);
        Assert.Equal(new FirEntry(0x11223344, 9), fir.GetEntry(0));

        var buffer = new byte[FullIntraRequest.GetSize(1)];
        Assert.True(FullIntraRequest.TryWrite(buffer, 1, new[] { new FirEntry(0x11223344, 9) }, out var written));
        Assert.Equal(RtcpPackets.Fir, buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void Several_entries_round_trip()
    {
        var entries = new[] { new FirEntry(1, 1), new FirEntry(2, 255), new FirEntry(3, 0) };
        var buffer = new byte[FullIntraRequest.GetSize(3)];
        Assert.True(FullIntraRequest.TryWrite(buffer, 9, entries, out _));
        Assert.True(FullIntraRequest.TryParse(buffer, out var fir));
        Assert.Equal(3, fir.EntryCount);
        Assert.Equal(entries[1], fir.GetEntry(1));
        Assert.Equal(entries[2], fir.GetEntry(2));
    }

    [Theory]
    [InlineData("84 ce 00 02 00 00 00 01 00 00 00 00")]                          // no entries
    [InlineData("84 ce 00 03 00 00 00 01 00 00 00 00 11 22 33 44")]              // half an entry
    public void Malformed_firs_are_rejected(string hex)
    {
        Assert.False(FullIntraRequest.TryParse(Bytes.FromHex(hex), out _));
        Assert.False(FullIntraRequest.TryWrite(new byte[64], 1, ReadOnlySpan<FirEntry>.Empty, out _));
    }
}
