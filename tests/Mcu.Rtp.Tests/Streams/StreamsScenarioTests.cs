using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;

namespace Mcu.Rtp.Tests.Streams;

/// <summary>
/// The stream features wired together in virtual time over a lossy in-memory link: an MCU sending a composite to
/// one receiver (history, binding, limiter, reporter) and a receiver that NACKs (statistics, NACK generator,
/// reporter), as the network loop will drive them.
/// </summary>
public class StreamsScenarioTests
{
    private const uint Composite = 0x50;
    private const uint ReceiverVideo = 0xAAAA;
    private const uint ReceiverRtx = 0xBBBB;
    private const uint ReceiverOwn = 0x0101;
    private static readonly DateTime Wall = new(2033, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan OneWay = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Every_packet_lost_on_a_10_percent_lossy_link_is_recovered_through_nack_and_rtx()
    {
        var random = new Random(2024);
        var inFlight = new List<(TimeSpan At, byte[] Data, bool ToReceiver, bool IsRtcp)>();
        void Send(TimeSpan now, ReadOnlySpan<byte> data, bool toReceiver, bool isRtcp, bool reliable = false)
        {
            // Media and retransmissions are lost 10 % of the time; RTCP always arrives, so the test is about recovery.
            if (isRtcp || reliable || random.NextDouble() >= 0.10)
            {
                inFlight.Add((now + OneWay, data.ToArray(), toReceiver, isRtcp));
            }
        }

        // MCU side.
        var clock = new RtpClockMapping(TimeSpan.Zero, 0, 90000);
        var history = new RetransmissionHistory();
        var binding = new OutboundBinding(ReceiverVideo, 96, 65000, 1234, clock, new RtxParameters(ReceiverRtx, 97, 0));
        var limiter = new RetransmissionLimiter(2_000_000, TimeSpan.FromMilliseconds(200));
        var mcuReporter = new RtcpReporter(0x0001, "room", new RtcpScheduler(RtcpScheduler.VideoInterval, new Random(1)));
        mcuReporter.AddSendStream(binding.Statistics);
        var nackHandler = new ResendingHandler(history, binding, limiter, (now, data) => Send(now, data, toReceiver: true, isRtcp: false));

        // Receiver side.
        var stats = new ReceiveStatistics(ReceiverVideo, 90000);
        var nacks = new NackGenerator(ReceiverOwn, ReceiverVideo);
        var receiverReporter = new RtcpReporter(ReceiverOwn, "browser", new RtcpScheduler(RtcpScheduler.VideoInterval, new Random(2)));
        receiverReporter.AddReceiveStream(stats);
        var ignore = new ResendingHandler(history, binding, limiter, (_, _) => { });

        var buffer = new byte[1500];
        var now = TimeSpan.Zero;
        mcuReporter.Scheduler.Start(now);
        receiverReporter.Scheduler.Start(now);
        const int packets = 300;
        for (var ms = 0; ms < 4000; ms++)
        {
            now = TimeSpan.FromMilliseconds(ms);
            var wall = Wall + now;
            if (ms % 10 == 0 && ms / 10 < packets)
            {
                // One composite packet every 10 ms: stored once, rewritten for the receiver, sent.
                var source = StreamPackets.Packet((ushort)(30000 + (ms / 10)), (uint)(ms * 90), Composite, payloadLength: 1000);
                Assert.True(history.TryStore(now, source));
                Assert.True(binding.TryRewrite(now, source));
                // A lost last packet could only be noticed by a later one, so the tail always arrives.
                Send(now, source, toReceiver: true, isRtcp: false, reliable: ms / 10 == packets - 1);
            }
            for (var i = inFlight.Count - 1; i >= 0; i--)
            {
                var (at, data, toReceiver, isRtcp) = inFlight[i];
                if (at > now)
                {
                    continue;
                }
                inFlight.RemoveAt(i);
                if (!toReceiver)
                {
                    nackHandler.Now = now;
                    mcuReporter.HandleCompound(now, wall, data, nackHandler);
                    limiter.RoundTripTime = binding.Statistics.HasRoundTripTime ? binding.Statistics.RoundTripTime : limiter.RoundTripTime;
                }
                else if (isRtcp)
                {
                    receiverReporter.HandleCompound(now, wall, data, ignore);
                }
                else
                {
                    var media = data;
                    if (RtpPacket.TryParse(data, out var parsed) && parsed.Ssrc == ReceiverRtx)
                    {
                        Assert.True(RtxPacket.TryUnwrap(data, buffer, 96, ReceiverVideo, out var length));
                        media = buffer.AsSpan(0, length).ToArray();
                    }
                    Assert.True(RtpPacket.TryParse(media, out var packet));
                    stats.OnPacket(now, packet);
                    nacks.OnPacket(now, packet.SequenceNumber);
                }
            }
            if (nacks.TryWriteNack(now, buffer, out var nackLength))
            {
                Send(now, buffer.AsSpan(0, nackLength), toReceiver: false, isRtcp: true);
            }
            if (mcuReporter.Scheduler.IsDue(now) && mcuReporter.TryWriteReport(now, wall, buffer, out var length1))
            {
                Send(now, buffer.AsSpan(0, length1), toReceiver: true, isRtcp: true);
            }
            if (receiverReporter.Scheduler.IsDue(now) && receiverReporter.TryWriteReport(now, wall, buffer, out var length2))
            {
                Send(now, buffer.AsSpan(0, length2), toReceiver: false, isRtcp: true);
            }
        }

        Assert.Equal(packets, stats.PacketsReceived);
        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(0, nacks.MissingCount);
        Assert.Equal(0, nacks.PacketsGivenUp);
        Assert.False(nacks.KeyframeNeeded);
        Assert.True(nacks.PacketsRecovered >= 20, $"recovered {nacks.PacketsRecovered}");
        Assert.Equal(history.PacketsServed, limiter.PacketsServed);
        Assert.Equal(0, history.PacketsMissed);
        Assert.True(binding.Statistics.HasRoundTripTime);
        Assert.InRange(binding.Statistics.RoundTripTime.TotalMilliseconds, 39, 41);
        Assert.True(stats.HasSenderReport);
    }

    /// <summary>What the MCU's network loop does with a receiver's NACK: resend each sequence number from the shared history.</summary>
    private sealed class ResendingHandler(
        RetransmissionHistory history,
        OutboundBinding binding,
        RetransmissionLimiter limiter,
        Action<TimeSpan, ReadOnlySpan<byte>> send) : IRtcpFeedbackHandler
    {
        private readonly byte[] _buffer = new byte[1500];

        public TimeSpan Now { get; set; }

        public void OnReceptionReport(SendStatistics stream, in ReportBlock block)
        {
        }

        public void OnNack(GenericNack nack)
        {
            if (nack.MediaSsrc != binding.Ssrc)
            {
                return;
            }
            foreach (var sequenceNumber in nack.LostSequenceNumbers)
            {
                if (history.TryResend(Now, sequenceNumber, binding, limiter, _buffer, out var written) == RetransmissionResult.Sent)
                {
                    send(Now, _buffer.AsSpan(0, written));
                }
            }
        }

        public void OnKeyframeRequest(uint mediaSsrc, KeyframeRequestMethod method, uint requesterSsrc, byte firSequenceNumber)
        {
        }

        public void OnRemb(ReceiverEstimatedMaxBitrate remb)
        {
        }

        public void OnGoodbye(uint ssrc)
        {
        }
    }
}
