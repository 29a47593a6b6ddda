using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class ExtendedReportTests
{
    [Fact]
    public void Reads_rrtr_and_dlrr_blocks()
    {
        Assert.True(ExtendedReport.TryParse(RtcpPackets.ExtendedReport, out var xr));
        Assert.Equal(0x11223344u, xr.Ssrc);
        Assert.True(xr.TryGetReceiverReferenceTime(out var ntp));
        Assert.Equal(0xe56b527f_80000000UL, ntp.Value);
        Assert.Equal(1, xr.DlrrCount);
        Assert.Equal(new DlrrSubBlock(0x55667788, 0x527f8000, 0x4000), xr.GetDlrr(0));
    }

    [Fact]
    public void Writers_round_trip()
    {
        var buffer = new byte[64];
        Assert.True(ExtendedReport.TryWriteReceiverReferenceTime(buffer, 7, new NtpTimestamp(0x0102030405060708), out var written));
        Assert.Equal(ExtendedReport.ReceiverReferenceTimeSize, written);
        Assert.True(ExtendedReport.TryParse(buffer.AsSpan(0, written), out var xr));
        Assert.True(xr.TryGetReceiverReferenceTime(out var ntp));
        Assert.Equal(0x0102030405060708UL, ntp.Value);
        Assert.Equal(0, xr.DlrrCount);

        var subBlocks = new[] { new DlrrSubBlock(1, 2, 3), new DlrrSubBlock(4, 5, 6) };
        Assert.True(ExtendedReport.TryWriteDlrr(buffer, 7, subBlocks, out written));
        Assert.Equal(ExtendedReport.GetDlrrSize(2), written);
        Assert.True(ExtendedReport.TryParse(buffer.AsSpan(0, written), out xr));
        Assert.False(xr.TryGetReceiverReferenceTime(out _));
        Assert.Equal(2, xr.DlrrCount);
        Assert.Equal(subBlocks[1], xr.GetDlrr(1));
    }

    [Theory]
    [InlineData("80 cf 00 03 11 22 33 44 04 00 00 01 00 00 00 00")]             // RRTR with the wrong length
    [InlineData("80 cf 00 03 11 22 33 44 07 00 00 05 00 00 00 00")]             // block length past the packet
    [InlineData("a0 cf 00 02 11 22 33 44 07 00 00 02")]                         // padding leaves half a block header
    [InlineData("80 cf 00 04 11 22 33 44 05 00 00 02 00 00 00 01 00 00 00 02")] // DLRR not a whole sub-block
    public void Malformed_blocks_are_rejected(string hex)
    {
        Assert.False(ExtendedReport.TryParse(Bytes.FromHex(hex), out _));
    }
}
