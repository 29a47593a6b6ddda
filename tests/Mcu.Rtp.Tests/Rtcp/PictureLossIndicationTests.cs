using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class PictureLossIndicationTests
{
    [Fact]
    public void Parses_and_round_trips()
    {
        Assert.True(PictureLossIndication.TryParse(RtcpPackets.Pli, out var pli));
        Assert.Equal(1u, pli.SenderSsrc);
        Assert.Equal(2u, pli.MediaSsrc);

        var buffer = new byte[PictureLossIndication.Size];
        Assert.True(PictureLossIndication.TryWrite(buffer, 1, 2, out var written));
        Assert.Equal(RtcpPackets.Pli, buffer.AsSpan(0, written).ToArray());
        Assert.False(PictureLossIndication.TryWrite(new byte[11], 1, 2, out _));
    }

    [Theory]
    [InlineData("81 ce 00 01 00 00 00 01")]              // no media SSRC
    [InlineData("84 ce 00 02 00 00 00 01 00 00 00 02")]  // FMT 4 is FIR
    [InlineData("81 cd 00 02 00 00 00 01 00 00 00 02")]  // RTPFB, not PSFB
    public void Non_plis_are_rejected(string hex)
    {
        Assert.False(PictureLossIndication.TryParse(Bytes.FromHex(hex), out _));
    }
}
