using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class RtcpCompoundWriterTests
{
    [Fact]
    public void Sender_report_with_sdes_reads_back()
    {
        var buffer = new byte[1200];
        var writer = new RtcpCompoundWriter(buffer);
        var info = new SenderInfo(0xA, new NtpTimestamp(0x1122334455667788), 3000, 10, 1000);
        Assert.True(writer.TryAddSenderReport(info, new[] { new ReportBlock(0xB, 12, 4, 70000, 9, 0x33445566, 0x10000) }));
        Assert.True(writer.TryAddCanonicalName(0xA, "mcu-0001"u8));

        var reader = new RtcpCompoundReader(writer.Written);
        Assert.True(reader.TryReadNext(out var first));
        Assert.True(SenderReport.TryParse(first.Data, out var sr));
        Assert.Equal(info, sr.Info);
        Assert.Equal(70000u, sr.ReportBlocks[0].ExtendedHighestSequenceNumber);
        Assert.True(reader.TryReadNext(out var second));
        Assert.True(SourceDescription.TryParse(second.Data, out var sdes));
        Assert.True(sdes.TryGetCanonicalName(out _, out var cname));
        Assert.Equal("mcu-0001"u8.ToArray(), cname.ToArray());
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(0, reader.MalformedCount);
    }

    [Fact]
    public void Receiver_report_sdes_and_feedback_read_back()
    {
        var buffer = new byte[1200];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAddReceiverReport(1, ReadOnlySpan<ReportBlock>.Empty));
        Assert.True(writer.TryAddCanonicalName(1, "x"u8));
        Assert.True(writer.TryAddPictureLossIndication(1, 2));
        Assert.True(writer.TryAddNack(1, 2, new ushort[] { 5, 6 }));
        Assert.True(writer.TryAddFullIntraRequest(1, new[] { new FirEntry(2, 3) }));
        Assert.True(writer.TryAddRemb(1, 800_000, new[] { 2u }));
        Assert.True(writer.TryAddReceiverReferenceTime(1, new NtpTimestamp(42)));
        Assert.True(writer.TryAddDlrr(1, new[] { new DlrrSubBlock(2, 3, 4) }));
        Assert.True(writer.TryAddGoodbye(new[] { 1u }, "done"u8));

        var reader = new RtcpCompoundReader(writer.Written);
        var kinds = new List<RtcpPacketKind>();
        while (reader.TryReadNext(out var packet))
        {
            kinds.Add(packet.Kind);
        }
        Assert.Equal(
            new[]
            {
                RtcpPacketKind.ReceiverReport, RtcpPacketKind.SourceDescription, RtcpPacketKind.PictureLossIndication,
                RtcpPacketKind.GenericNack, RtcpPacketKind.FullIntraRequest, RtcpPacketKind.ReceiverEstimatedMaxBitrate,
                RtcpPacketKind.ExtendedReport, RtcpPacketKind.ExtendedReport, RtcpPacketKind.Goodbye,
            },
            kinds);
        Assert.Equal(0, reader.MalformedCount);
    }

    [Fact]
    public void A_packet_that_does_not_fit_leaves_the_compound_unchanged()
    {
        var buffer = new byte[20];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAddPictureLossIndication(1, 2));
        Assert.False(writer.TryAddPictureLossIndication(1, 2));
        Assert.Equal(12, writer.Length);
        Assert.True(writer.TryAddReceiverReport(1, ReadOnlySpan<ReportBlock>.Empty));
        Assert.Equal(20, writer.Length);
    }
}
