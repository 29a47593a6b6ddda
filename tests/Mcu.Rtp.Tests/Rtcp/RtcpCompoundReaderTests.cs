using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class RtcpCompoundReaderTests
{
    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static (List<RtcpPacketKind> Kinds, int Malformed, bool StoppedEarly) ReadAll(byte[] datagram)
    {
        var reader = new RtcpCompoundReader(datagram);
        var kinds = new List<RtcpPacketKind>();
        while (reader.TryReadNext(out var packet))
        {
            kinds.Add(packet.Kind);
        }
        return (kinds, reader.MalformedCount, reader.StoppedEarly);
    }

    [Fact]
    public void Iterates_every_packet_type_and_classifies_it()
    {
        var datagram = Concat(
            RtcpPackets.SenderReport, RtcpPackets.ReceiverReport, RtcpPackets.SourceDescription, RtcpPackets.Goodbye,
            RtcpPackets.App, RtcpPackets.Nack, RtcpPackets.TransportWide, RtcpPackets.Pli, RtcpPackets.Fir,
            RtcpPackets.Remb, RtcpPackets.ExtendedReport);

        var (kinds, malformed, stopped) = ReadAll(datagram);

        Assert.Equal(
            new[]
            {
                RtcpPacketKind.SenderReport, RtcpPacketKind.ReceiverReport, RtcpPacketKind.SourceDescription,
                RtcpPacketKind.Goodbye, RtcpPacketKind.ApplicationDefined, RtcpPacketKind.GenericNack,
                RtcpPacketKind.TransportWideFeedback, RtcpPacketKind.PictureLossIndication,
                RtcpPacketKind.FullIntraRequest, RtcpPacketKind.ReceiverEstimatedMaxBitrate, RtcpPacketKind.ExtendedReport,
            },
            kinds);
        Assert.Equal(0, malformed);
        Assert.False(stopped);
    }

    [Fact]
    public void Packets_are_handed_out_whole_for_the_type_parsers()
    {
        var reader = new RtcpCompoundReader(Concat(RtcpPackets.SenderReport, RtcpPackets.SourceDescription));
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(RtcpPackets.SenderReport, first.Data.ToArray());
        Assert.Equal(48, first.Body.Length);
        Assert.True(SenderReport.TryParse(first.Data, out var sr));
        Assert.Equal(0x11223344u, sr.Ssrc);
        Assert.True(reader.TryReadNext(out var second));
        Assert.True(SourceDescription.TryParse(second.Data, out _));
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void A_length_word_past_the_end_stops_iteration_and_counts_once()
    {
        var tooLong = RtcpPackets.Pli.ToArray();
        tooLong[3] = 0x09;
        var (kinds, malformed, stopped) = ReadAll(Concat(RtcpPackets.ReceiverReport, tooLong, RtcpPackets.Goodbye));
        Assert.Equal(new[] { RtcpPacketKind.ReceiverReport }, kinds);
        Assert.Equal(1, malformed);
        Assert.True(stopped);
    }

    [Fact]
    public void A_zero_length_packet_is_skipped_and_iteration_continues()
    {
        // Length word 0: a bare header, too short for an RR's SSRC.
        var (kinds, malformed, stopped) = ReadAll(Concat(Bytes.FromHex("80 c9 00 00"), RtcpPackets.Pli));
        Assert.Equal(new[] { RtcpPacketKind.PictureLossIndication }, kinds);
        Assert.Equal(1, malformed);
        Assert.False(stopped);
    }

    [Fact]
    public void Trailing_bytes_that_are_not_a_whole_word_are_malformed()
    {
        var (kinds, malformed, stopped) = ReadAll(Concat(RtcpPackets.Pli, new byte[] { 0x81, 0xce }));
        Assert.Equal(new[] { RtcpPacketKind.PictureLossIndication }, kinds);
        Assert.Equal(1, malformed);
        Assert.True(stopped);
    }

    [Fact]
    public void A_count_exceeding_the_length_skips_just_that_packet()
    {
        var lying = RtcpPackets.SenderReport.ToArray();
        lying[0] = 0x85;   // RC=5 with one block
        var badNack = Bytes.FromHex("81 cd 00 02 00 00 00 01 00 00 00 02"); // no FCI
        var (kinds, malformed, stopped) = ReadAll(Concat(lying, badNack, RtcpPackets.Remb));
        Assert.Equal(new[] { RtcpPacketKind.ReceiverEstimatedMaxBitrate }, kinds);
        Assert.Equal(2, malformed);
        Assert.False(stopped);
    }

    [Fact]
    public void A_wrong_version_mid_datagram_stops_iteration()
    {
        var bad = RtcpPackets.Pli.ToArray();
        bad[0] = 0x41;
        var (kinds, malformed, stopped) = ReadAll(Concat(RtcpPackets.Pli, bad, RtcpPackets.Pli));
        Assert.Single(kinds);
        Assert.Equal(1, malformed);
        Assert.True(stopped);
    }

    [Fact]
    public void Unknown_feedback_formats_are_returned_as_unknown()
    {
        var tmmbr = Bytes.FromHex("83 cd 00 04 00 00 00 01 00 00 00 00 00 00 00 02 04 00 00 28");
        var afb = Bytes.FromHex("8f ce 00 03 00 00 00 01 00 00 00 00 41 42 43 44");
        var (kinds, malformed, _) = ReadAll(Concat(tmmbr, afb));
        Assert.Equal(new[] { RtcpPacketKind.Unknown, RtcpPacketKind.Unknown }, kinds);
        Assert.Equal(0, malformed);
    }

    [Fact]
    public void An_empty_datagram_yields_nothing()
    {
        var (kinds, malformed, stopped) = ReadAll(Array.Empty<byte>());
        Assert.Empty(kinds);
        Assert.Equal(0, malformed);
        Assert.False(stopped);
    }
}
