namespace Mcu.Rtp.Tests;

public class RtcpMuxTests
{
    [Theory]
    [InlineData(192, true)]
    [InlineData(200, true)]
    [InlineData(223, true)]
    [InlineData(191, false)]
    [InlineData(96, false)]
    [InlineData(0x80 | 96, false)]    // marker + PT 96 = 224
    [InlineData(0x80 | 111, false)]
    public void Packet_types_192_to_223_are_rtcp(int secondOctet, bool rtcp)
    {
        var datagram = new byte[12];
        datagram[0] = 0x80;
        datagram[1] = (byte)secondOctet;
        Assert.Equal(rtcp, RtcpMux.IsRtcp(datagram));
        Assert.Equal(!rtcp, RtcpMux.IsRtp(datagram));
    }

    [Fact]
    public void Short_or_non_v2_datagrams_are_neither()
    {
        Assert.False(RtcpMux.IsRtcp(new byte[] { 0x80, 200 }));
        Assert.False(RtcpMux.IsRtcp(new byte[] { 0x40, 200, 0, 1 }));
        Assert.False(RtcpMux.IsRtp(new byte[] { 0x80, 96, 0, 1 }));
        Assert.False(RtcpMux.IsRtp(new byte[12]));
    }
}
