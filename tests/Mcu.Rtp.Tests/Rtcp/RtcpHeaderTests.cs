using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class RtcpHeaderTests
{
    [Fact]
    public void Reads_count_type_and_length_in_bytes()
    {
        Assert.True(RtcpHeader.TryParse(RtcpPackets.SenderReport, out var header));
        Assert.Equal(1, header.Count);
        Assert.Equal((byte)RtcpPacketType.SenderReport, header.PacketType);
        Assert.Equal(52, header.PacketLength);
        Assert.Equal(48, header.BodyLength);
        Assert.False(header.HasPadding);
    }

    [Fact]
    public void Padding_counted_by_the_last_octet_is_excluded_from_the_body()
    {
        var packet = Bytes.FromHex("a1 c9 00 02 11 22 33 44 00 00 00 04");
        Assert.True(RtcpHeader.TryParse(packet, out var header));
        Assert.Equal(4, header.PaddingLength);
        Assert.Equal(4, header.BodyLength);
    }

    [Theory]
    [InlineData("81 c8 00")]                              // shorter than a header
    [InlineData("41 c9 00 01 00 00 00 00")]               // version 1
    [InlineData("81 c9 00 02 11 22 33 44")]               // length word past the end
    [InlineData("a1 c9 00 01 11 22 33 00")]               // padding count 0
    [InlineData("a1 c9 00 01 11 22 33 09")]               // padding past the body
    public void Bad_headers_are_rejected(string hex)
    {
        Assert.False(RtcpHeader.TryParse(Bytes.FromHex(hex), out _));
    }
}
