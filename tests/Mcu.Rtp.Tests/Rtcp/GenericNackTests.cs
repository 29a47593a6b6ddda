using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class GenericNackTests
{
    private static List<ushort> Lost(GenericNack nack)
    {
        var lost = new List<ushort>();
        foreach (var sequenceNumber in nack.LostSequenceNumbers)
        {
            lost.Add(sequenceNumber);
        }
        return lost;
    }

    [Fact]
    public void Pid_and_blp_expand_to_the_lost_sequence_numbers()
    {
        // RFC 4585 6.2.1: PID is lost; BLP bit i (LSB = 0) means PID + i + 1 is lost too.
        Assert.True(GenericNack.TryParse(RtcpPackets.Nack, out var nack));
        Assert.Equal(1u, nack.SenderSsrc);
        Assert.Equal(2u, nack.MediaSsrc);
        Assert.Equal(1, nack.ItemCount);
        nack.GetItem(0, out var pid, out var blp);
        Assert.Equal(1000, pid);
        Assert.Equal(5, blp);
        Assert.Equal(new ushort[] { 1000, 1001, 1003 }, Lost(nack));
    }

    [Fact]
    public void A_full_bitmask_covers_seventeen_packets_across_wrap()
    {
        var packet = Bytes.FromHex("81 cd 00 04 00 00 00 01 00 00 00 02 ff f8 ff ff 00 10 80 00");
        Assert.True(GenericNack.TryParse(packet, out var nack));
        var expected = new List<ushort>();
        for (var i = 0; i <= 16; i++)
        {
            expected.Add((ushort)(0xFFF8 + i));
        }
        expected.Add(0x10);
        expected.Add(0x20);
        Assert.Equal(expected, Lost(nack));
    }

    [Fact]
    public void Writer_packs_sorted_losses_into_few_items_and_round_trips()
    {
        ushort[] lost = { 1000, 1001, 1003, 1016, 1017, 1018, 2000, 65535, 0, 3 };
        Assert.Equal(4, GenericNack.CountItems(lost));
        var buffer = new byte[GenericNack.GetSize(lost)];
        Assert.True(GenericNack.TryWrite(buffer, 7, 8, lost, out var written));
        Assert.Equal(12 + (4 * 4), written);

        Assert.True(GenericNack.TryParse(buffer, out var nack));
        Assert.Equal(lost, Lost(nack));
    }

    [Fact]
    public void Writer_reproduces_the_rfc_example()
    {
        var buffer = new byte[16];
        Assert.True(GenericNack.TryWrite(buffer, 1, 2, new ushort[] { 1000, 1001, 1003 }, out var written));
        Assert.Equal(RtcpPackets.Nack, buffer.AsSpan(0, written).ToArray());
    }

    [Theory]
    [InlineData("81 cd 00 02 00 00 00 01 00 00 00 02")]                  // no FCI
    [InlineData("81 cd 00 01 00 00 00 01")]                              // shorter than the two SSRCs
    [InlineData("a1 cd 00 04 00 00 00 01 00 00 00 02 03 e8 00 05 00 00 00 02")] // padding leaves half an item
    [InlineData("82 cd 00 03 00 00 00 01 00 00 00 02 03 e8 00 05")]      // FMT 2 is not a NACK
    public void Malformed_nacks_are_rejected(string hex)
    {
        Assert.False(GenericNack.TryParse(Bytes.FromHex(hex), out _));
    }

    [Fact]
    public void Nothing_to_report_writes_nothing()
    {
        Assert.False(GenericNack.TryWrite(new byte[64], 1, 2, ReadOnlySpan<ushort>.Empty, out _));
        Assert.False(GenericNack.TryWrite(new byte[15], 1, 2, new ushort[] { 1 }, out _));
    }
}
