using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class RtcpReporterTests
{
    private const uint Local = 0x1000;
    private const uint AudioOut = 0xA0;
    private const uint VideoOut = 0xB0;
    private const uint AudioIn = 0xA1;
    private const uint VideoIn = 0xB1;

    private static readonly DateTime Wall = new(2032, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private static RtcpReporter CreateReporter() =>
        new(Local, "room-7", new RtcpScheduler(RtcpScheduler.VideoInterval, new Random(3)));

    private static ReceiveStatistics Received(uint ssrc, int clockRate, params int[] sequenceNumbers)
    {
        var stats = new ReceiveStatistics(ssrc, clockRate);
        foreach (var sequenceNumber in sequenceNumbers)
        {
            stats.OnPacket(Ms(sequenceNumber), (ushort)sequenceNumber, (uint)sequenceNumber * 960, 50);
        }
        return stats;
    }

    private static List<RtcpPacketKind> Kinds(ReadOnlySpan<byte> compound)
    {
        var kinds = new List<RtcpPacketKind>();
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var packet))
        {
            kinds.Add(packet.Kind);
        }
        Assert.Equal(0, reader.MalformedCount);
        return kinds;
    }

    [Fact]
    public void While_not_sending_it_writes_an_rr_with_blocks_and_the_cname()
    {
        var reporter = CreateReporter();
        reporter.AddReceiveStream(Received(VideoIn, 90000, 0, 1, 3));
        reporter.AddReceiveStream(new ReceiveStatistics(AudioIn, 48000));
        var buffer = new byte[1200];
        var size = reporter.GetReportSize();

        Assert.True(reporter.TryWriteReport(TimeSpan.FromSeconds(1), Wall, buffer, out var written));

        Assert.Equal(size, written);
        Assert.Equal([RtcpPacketKind.ReceiverReport, RtcpPacketKind.SourceDescription], Kinds(buffer.AsSpan(0, written)));
        var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
        reader.TryReadNext(out var first);
        Assert.True(ReceiverReport.TryParse(first.Data, out var rr));
        Assert.Equal(Local, rr.Ssrc);
        // The audio stream has received nothing, so only video is reported.
        Assert.Equal(1, rr.ReportBlocks.Count);
        Assert.Equal(VideoIn, rr.ReportBlocks[0].Ssrc);
        Assert.Equal(1, rr.ReportBlocks[0].CumulativeLost);
        reader.TryReadNext(out var second);
        Assert.True(SourceDescription.TryParse(second.Data, out var sdes));
        Assert.True(sdes.TryGetCanonicalName(out var ssrc, out var cname));
        Assert.Equal(Local, ssrc);
        Assert.Equal("room-7"u8.ToArray(), cname.ToArray());
    }

    [Fact]
    public void While_sending_it_writes_one_sr_per_ssrc_mapping_the_same_instant_plus_remb()
    {
        var reporter = CreateReporter();
        var room = TimeSpan.FromSeconds(2);
        var audio = new SendStatistics(AudioOut, new RtpClockMapping(room, 100, 48000));
        var video = new SendStatistics(VideoOut, new RtpClockMapping(room, 7000, 90000));
        audio.OnPacketSent(80);
        video.OnPacketSent(1100);
        video.OnPacketSent(900);
        reporter.AddSendStream(audio);
        reporter.AddSendStream(video);
        reporter.AddReceiveStream(Received(AudioIn, 48000, 0, 1, 2));
        reporter.AddReceiveStream(Received(VideoIn, 90000, 10, 11, 14));
        reporter.Remb = new RembGenerator(new RembOptions { TargetBitrate = 1_200_000 });
        var now = TimeSpan.FromSeconds(4.5);
        var buffer = new byte[1200];

        Assert.True(reporter.TryWriteReport(now, Wall, buffer, out var written));

        var compound = buffer.AsSpan(0, written);
        Assert.Equal(
            [
                RtcpPacketKind.SenderReport, RtcpPacketKind.SenderReport, RtcpPacketKind.SourceDescription,
                RtcpPacketKind.SourceDescription, RtcpPacketKind.ReceiverEstimatedMaxBitrate,
            ],
            Kinds(compound));
        var reader = new RtcpCompoundReader(compound);
        reader.TryReadNext(out var packet);
        Assert.True(SenderReport.TryParse(packet.Data, out var audioSr));
        Assert.Equal(new SenderInfo(AudioOut, NtpTimestamp.FromDateTime(Wall), 100 + 120000, 1, 80), audioSr.Info);
        Assert.Equal(2, audioSr.ReportBlocks.Count);
        Assert.Equal(AudioIn, audioSr.ReportBlocks[0].Ssrc);
        Assert.Equal(VideoIn, audioSr.ReportBlocks[1].Ssrc);
        Assert.Equal(2, audioSr.ReportBlocks[1].CumulativeLost);
        Assert.Equal(14u, audioSr.ReportBlocks[1].ExtendedHighestSequenceNumber);
        reader.TryReadNext(out packet);
        Assert.True(SenderReport.TryParse(packet.Data, out var videoSr));
        Assert.Equal(new SenderInfo(VideoOut, NtpTimestamp.FromDateTime(Wall), 7000 + 225000, 2, 2000), videoSr.Info);
        Assert.Equal(0, videoSr.ReportBlocks.Count);
        reader.TryReadNext(out packet);
        reader.TryReadNext(out packet);
        Assert.True(SourceDescription.TryParse(packet.Data, out var sdes));
        Assert.True(sdes.TryGetCanonicalName(out var ssrc, out _));
        Assert.Equal(VideoOut, ssrc);
        reader.TryReadNext(out packet);
        Assert.True(ReceiverEstimatedMaxBitrate.TryParse(packet.Data, out var remb));
        Assert.Equal(AudioOut, remb.SenderSsrc);
        Assert.InRange(remb.Bitrate, 1_199_000UL, 1_200_000UL);
        Assert.Equal(2, remb.SsrcCount);
        Assert.Equal(AudioIn, remb.GetSsrc(0));
        Assert.Equal(VideoIn, remb.GetSsrc(1));

        Assert.InRange(reporter.Scheduler.NextReportTime - now, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, reporter.ReportsSent);
    }

    [Fact]
    public void More_than_31_sources_continue_in_a_further_rr()
    {
        var reporter = CreateReporter();
        for (uint i = 0; i < 40; i++)
        {
            reporter.AddReceiveStream(Received(100 + i, 90000, 1, 2));
        }
        var buffer = new byte[1500];

        Assert.True(reporter.TryWriteReport(TimeSpan.FromSeconds(1), Wall, buffer, out var written));

        var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
        var reported = new List<uint>();
        var counts = new List<int>();
        while (reader.TryReadNext(out var packet))
        {
            if (ReceiverReport.TryParse(packet.Data, out var rr))
            {
                Assert.Equal(Local, rr.Ssrc);
                counts.Add(rr.ReportBlocks.Count);
                foreach (var block in rr.ReportBlocks)
                {
                    reported.Add(block.Ssrc);
                }
            }
        }
        Assert.Equal([31, 9], counts);
        Assert.Equal(Enumerable.Range(100, 40).Select(i => (uint)i), reported);
    }

    [Fact]
    public void A_report_that_does_not_fit_consumes_nothing()
    {
        var reporter = CreateReporter();
        reporter.AddReceiveStream(Received(VideoIn, 90000, 0, 2));
        reporter.Scheduler.Start(TimeSpan.Zero);
        var next = reporter.Scheduler.NextReportTime;

        Assert.False(reporter.TryWriteReport(TimeSpan.FromSeconds(1), Wall, new byte[40], out var written));
        Assert.Equal(0, written);
        Assert.Equal(next, reporter.Scheduler.NextReportTime);

        var buffer = new byte[200];
        Assert.True(reporter.TryWriteReport(TimeSpan.FromSeconds(1), Wall, buffer, out written));
        var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
        reader.TryReadNext(out var packet);
        Assert.True(ReceiverReport.TryParse(packet.Data, out var rr));
        Assert.Equal((1 << 8) / 3, rr.ReportBlocks[0].FractionLost);
    }

    [Fact]
    public void Remb_is_left_out_when_only_it_does_not_fit()
    {
        var reporter = CreateReporter();
        reporter.AddReceiveStream(Received(VideoIn, 90000, 0, 1));
        reporter.Remb = new RembGenerator();
        var size = reporter.GetReportSize();

        Assert.True(reporter.TryWriteReport(TimeSpan.FromSeconds(1), Wall, new byte[size - 1], out var written));

        Assert.Equal(size - ReceiverEstimatedMaxBitrate.GetSize(1), written);
    }

    [Fact]
    public void Incoming_compound_is_dispatched_to_statistics_and_handler()
    {
        var reporter = CreateReporter();
        var video = new SendStatistics(VideoOut, new RtpClockMapping(TimeSpan.Zero, 0, 90000));
        video.OnPacketSent(1000);
        reporter.AddSendStream(video);
        var inbound = Received(VideoIn, 90000, 0, 1);
        reporter.AddReceiveStream(inbound);
        var ours = new byte[1200];
        Assert.True(reporter.TryWriteReport(TimeSpan.FromSeconds(1), Wall, ours, out _));
        var ourNtp = NtpTimestamp.FromDateTime(Wall);

        // The peer's answer: its SR with a block about our video (held 100 ms), then feedback of every kind.
        var theirs = new byte[1200];
        var writer = new RtcpCompoundWriter(theirs);
        var theirNtp = NtpTimestamp.FromDateTime(Wall.AddMilliseconds(150));
        writer.TryAddSenderReport(
            new SenderInfo(VideoIn, theirNtp, 4242, 10, 1000),
            new[] { new ReportBlock(VideoOut, 25, 4, 1234, 7, ourNtp.Middle32, CompactNtp.FromTimeSpan(TimeSpan.FromMilliseconds(100))), new ReportBlock(0xDEAD, 0, 0, 0, 0, 0, 0) });
        writer.TryAddCanonicalName(VideoIn, "peer"u8);
        writer.TryAddNack(VideoIn, VideoOut, [100, 101, 105]);
        writer.TryAddPictureLossIndication(VideoIn, VideoOut);
        writer.TryAddFullIntraRequest(VideoIn, new[] { new FirEntry(VideoOut, 9) });
        writer.TryAddRemb(VideoIn, 640_000, [VideoOut]);
        writer.TryAddGoodbye([VideoIn], default);
        var handler = new RecordingHandler();

        reporter.HandleCompound(TimeSpan.FromSeconds(1.3), Wall.AddMilliseconds(300), writer.Written, handler);

        Assert.True(inbound.HasSenderReport);
        Assert.Equal(theirNtp, inbound.LastSenderReport);
        Assert.Equal(4242u, inbound.LastSenderReportRtpTimestamp);
        Assert.Equal(theirNtp.Middle32, inbound.CreateReportBlock(TimeSpan.FromSeconds(1.8)).LastSenderReport);
        Assert.True(video.HasRoundTripTime);
        Assert.InRange(video.RoundTripTime.TotalMilliseconds, 199.9, 200.1);
        Assert.Equal(25, video.LastReceptionReport.FractionLost);
        Assert.Equal([VideoOut], handler.ReportedStreams);
        Assert.Equal(1, reporter.UnknownReportBlocks);
        Assert.Equal([100, 101, 105], handler.Nacked);
        Assert.Equal(
            [(VideoOut, KeyframeRequestMethod.PictureLossIndication, VideoIn, (byte)0), (VideoOut, KeyframeRequestMethod.FullIntraRequest, VideoIn, (byte)9)],
            handler.KeyframeRequests);
        Assert.Equal([640_000UL], handler.Rembs);
        Assert.Equal([VideoIn], handler.Goodbyes);
        Assert.Equal(0, reporter.MalformedPackets);
    }

    [Fact]
    public void Goodbye_follows_a_final_report()
    {
        var reporter = CreateReporter();
        var video = new SendStatistics(VideoOut, new RtpClockMapping(TimeSpan.Zero, 0, 90000));
        video.OnPacketSent(10);
        reporter.AddSendStream(video);
        var buffer = new byte[200];

        Assert.True(reporter.TryWriteGoodbye(TimeSpan.FromSeconds(1), Wall, buffer, "bye"u8, out var written));

        Assert.Equal([RtcpPacketKind.SenderReport, RtcpPacketKind.SourceDescription, RtcpPacketKind.Goodbye], Kinds(buffer.AsSpan(0, written)));
        var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
        RtcpPacket packet;
        do
        {
            Assert.True(reader.TryReadNext(out packet));
        }
        while (packet.Kind != RtcpPacketKind.Goodbye);
        Assert.True(Goodbye.TryParse(packet.Data, out var bye));
        Assert.Equal(VideoOut, bye.GetSsrc(0));
        Assert.Equal("bye"u8.ToArray(), bye.Reason.ToArray());
    }

    [Fact]
    public void Duplicate_registrations_are_rejected_and_streams_can_be_removed()
    {
        var reporter = CreateReporter();
        reporter.AddReceiveStream(new ReceiveStatistics(5, 90000));
        Assert.Throws<ArgumentException>(() => reporter.AddReceiveStream(new ReceiveStatistics(5, 48000)));
        Assert.True(reporter.RemoveReceiveStream(5));
        Assert.False(reporter.TryGetReceiveStream(5, out _));
        Assert.False(reporter.RemoveSendStream(5));
    }

    [Fact]
    public void Arbitrary_bytes_never_throw_and_are_counted()
    {
        var reporter = CreateReporter();
        reporter.AddSendStream(new SendStatistics(VideoOut, new RtpClockMapping(TimeSpan.Zero, 0, 90000)));
        reporter.AddReceiveStream(new ReceiveStatistics(VideoIn, 90000));
        var seed = new byte[600];
        var writer = new RtcpCompoundWriter(seed);
        writer.TryAddSenderReport(new SenderInfo(VideoIn, new NtpTimestamp(1), 2, 3, 4), new[] { new ReportBlock(VideoOut, 1, 2, 3, 4, 5, 6) });
        writer.TryAddNack(VideoIn, VideoOut, [1, 2, 30]);
        writer.TryAddFullIntraRequest(VideoIn, new[] { new FirEntry(VideoOut, 1), new FirEntry(1, 2) });
        writer.TryAddRemb(VideoIn, 1000, [VideoOut]);
        writer.TryAddGoodbye([VideoIn, 3], "x"u8);
        var valid = writer.Written.ToArray();
        var random = new Random(7);
        var handler = new RecordingHandler();

        for (var i = 0; i < 4000; i++)
        {
            byte[] input;
            if (i % 2 == 0)
            {
                input = new byte[random.Next(120)];
                random.NextBytes(input);
                if (input.Length > 0)
                {
                    input[0] = (byte)(0x80 | (input[0] & 0x3F));
                }
            }
            else
            {
                input = valid.AsSpan(0, random.Next(valid.Length + 1)).ToArray();
                for (var flips = random.Next(1, 4); flips > 0 && input.Length > 0; flips--)
                {
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                }
            }
            reporter.HandleCompound(TimeSpan.FromSeconds(1), Wall, input, handler);
        }

        Assert.True(reporter.MalformedPackets > 0);
        Assert.Equal(4000, reporter.CompoundsReceived);
    }

    [Fact]
    public void Writing_reports_and_reading_feedback_allocate_nothing()
    {
        var reporter = CreateReporter();
        var video = new SendStatistics(VideoOut, new RtpClockMapping(TimeSpan.Zero, 0, 90000));
        video.OnPacketSent(1000);
        reporter.AddSendStream(video);
        reporter.AddReceiveStream(Received(VideoIn, 90000, 0, 1, 3));
        reporter.Remb = new RembGenerator();
        var incoming = new byte[600];
        var writer = new RtcpCompoundWriter(incoming);
        writer.TryAddReceiverReport(VideoIn, new[] { new ReportBlock(VideoOut, 1, 2, 3, 4, 5, 6) });
        writer.TryAddNack(VideoIn, VideoOut, [1, 2, 30]);
        writer.TryAddPictureLossIndication(VideoIn, VideoOut);
        writer.TryAddFullIntraRequest(VideoIn, new[] { new FirEntry(VideoOut, 1) });
        writer.TryAddRemb(VideoIn, 1000, [VideoOut]);
        var compound = writer.Written.ToArray();
        var handler = new CountingHandler();
        var buffer = new byte[1200];
        var now = TimeSpan.Zero;

        var allocated = Allocations.Measure(() =>
        {
            now += TimeSpan.FromSeconds(1);
            reporter.TryWriteReport(now, Wall + now, buffer, out _);
            reporter.HandleCompound(now, Wall + now, compound, handler);
        });

        Assert.Equal(0, allocated);
        Assert.True(handler.Calls > 0);
    }

    private sealed class RecordingHandler : IRtcpFeedbackHandler
    {
        public List<uint> ReportedStreams { get; } = new();

        public List<int> Nacked { get; } = new();

        public List<(uint, KeyframeRequestMethod, uint, byte)> KeyframeRequests { get; } = new();

        public List<ulong> Rembs { get; } = new();

        public List<uint> Goodbyes { get; } = new();

        public void OnReceptionReport(SendStatistics stream, in ReportBlock block) => ReportedStreams.Add(stream.Ssrc);

        public void OnNack(GenericNack nack)
        {
            foreach (var sequenceNumber in nack.LostSequenceNumbers)
            {
                Nacked.Add(sequenceNumber);
            }
        }

        public void OnKeyframeRequest(uint mediaSsrc, KeyframeRequestMethod method, uint requesterSsrc, byte firSequenceNumber) =>
            KeyframeRequests.Add((mediaSsrc, method, requesterSsrc, firSequenceNumber));

        public void OnRemb(ReceiverEstimatedMaxBitrate remb) => Rembs.Add(remb.Bitrate);

        public void OnGoodbye(uint ssrc) => Goodbyes.Add(ssrc);
    }

    private sealed class CountingHandler : IRtcpFeedbackHandler
    {
        public long Calls { get; private set; }

        public void OnReceptionReport(SendStatistics stream, in ReportBlock block) => Calls++;

        public void OnNack(GenericNack nack)
        {
            foreach (var sequenceNumber in nack.LostSequenceNumbers)
            {
                Calls += sequenceNumber;
            }
        }

        public void OnKeyframeRequest(uint mediaSsrc, KeyframeRequestMethod method, uint requesterSsrc, byte firSequenceNumber) => Calls++;

        public void OnRemb(ReceiverEstimatedMaxBitrate remb) => Calls++;

        public void OnGoodbye(uint ssrc) => Calls++;
    }
}
