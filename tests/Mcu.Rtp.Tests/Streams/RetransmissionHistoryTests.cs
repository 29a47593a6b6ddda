using System.Buffers.Binary;
using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class RetransmissionHistoryTests
{
    private const uint SourceSsrc = 0x50;
    private static readonly RtpClockMapping SourceClock = new(TimeSpan.Zero, 0, 90000);

    private static RetransmissionLimiter Unlimited() => new(100_000_000, TimeSpan.FromSeconds(1));

    /// <summary>Stores source packets 1000..1000+count-1 and sends each to the binding; returns what the receiver got.</summary>
    private static List<byte[]> Stream(RetransmissionHistory history, OutboundBinding binding, int count, TimeSpan start)
    {
        var sent = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            var now = start + Ms(i);
            var packet = Packet((ushort)(1000 + i), (uint)(i * 3000), SourceSsrc, payloadLength: 100);
            Assert.True(history.TryStore(now, packet));
            Assert.True(binding.TryRewrite(now, packet));
            sent.Add(packet);
        }
        return sent;
    }

    [Fact]
    public void A_nack_is_answered_with_the_original_as_rtx_for_that_receiver()
    {
        var history = new RetransmissionHistory();
        var binding = new OutboundBinding(0xAAAA, 98, 40000, 777, SourceClock, new RtxParameters(0xBBBB, 99, 5));
        var sent = Stream(history, binding, 10, TimeSpan.Zero);
        var nacked = sent[3];
        var receiverSequence = BinaryPrimitives.ReadUInt16BigEndian(nacked.AsSpan(2));
        var buffer = new byte[1500];

        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(20), receiverSequence, binding, Unlimited(), buffer, out var written));

        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var rtx));
        Assert.Equal(0xBBBBu, rtx.Ssrc);
        Assert.Equal(99, rtx.PayloadType);
        Assert.Equal(5, rtx.SequenceNumber);
        Assert.Equal(receiverSequence, BinaryPrimitives.ReadUInt16BigEndian(rtx.Payload));
        var restored = new byte[1500];
        Assert.True(RtxPacket.TryUnwrap(buffer.AsSpan(0, written), restored, 98, 0xAAAA, out var restoredLength));
        Assert.Equal(nacked, restored.AsSpan(0, restoredLength).ToArray());

        history.TryResend(Ms(20), (ushort)(receiverSequence + 1), binding, Unlimited(), buffer, out written);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out rtx));
        Assert.Equal(6, rtx.SequenceNumber);
        Assert.Equal(2, history.PacketsServed);
    }

    [Fact]
    public void Without_rtx_the_packet_is_resent_exactly_as_the_receiver_first_got_it()
    {
        var history = new RetransmissionHistory();
        var binding = new OutboundBinding(0xAAAA, 98, 65530, 1, SourceClock);
        var sent = Stream(history, binding, 10, TimeSpan.Zero);
        var buffer = new byte[1500];

        // Receiver sequence 2 came after its wrap: source 1008.
        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(30), 2, binding, Unlimited(), buffer, out var written));

        Assert.Equal(sent[8], buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void Every_receiver_gets_its_own_rewrite_of_the_shared_packet()
    {
        var history = new RetransmissionHistory();
        var first = new OutboundBinding(1, 96, 100, 0, SourceClock);
        var second = new OutboundBinding(2, 100, 20000, 999, SourceClock);
        var packet = Packet(5000, 9000, SourceSsrc);
        history.TryStore(Ms(0), packet);
        var toFirst = packet.ToArray();
        var toSecond = packet.ToArray();
        first.TryRewrite(Ms(0), toFirst);
        second.TryRewrite(Ms(0), toSecond);
        var buffer = new byte[1500];

        history.TryResend(Ms(10), 100, first, Unlimited(), buffer, out var written);
        Assert.Equal(toFirst, buffer.AsSpan(0, written).ToArray());
        history.TryResend(Ms(10), 20000, second, Unlimited(), buffer, out written);
        Assert.Equal(toSecond, buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void Packets_overwritten_too_old_or_never_sent_are_reported_missing()
    {
        var history = new RetransmissionHistory(capacity: 16);
        var binding = new OutboundBinding(0xAAAA, 98, 0, 0, SourceClock);
        Stream(history, binding, 40, TimeSpan.Zero);
        var limiter = Unlimited();
        var buffer = new byte[1500];

        Assert.Equal(RetransmissionResult.NotFound, history.TryResend(Ms(50), 23, binding, limiter, buffer, out _));
        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(50), 24, binding, limiter, buffer, out _));
        Assert.Equal(RetransmissionResult.NotFound, history.TryResend(Ms(50), 40, binding, limiter, buffer, out _));
        Assert.Equal(RetransmissionResult.NotFound, history.TryResend(TimeSpan.FromSeconds(1.1), 39, binding, limiter, buffer, out _));
        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(1039), 39, binding, limiter, buffer, out _));

        Assert.Equal(3, history.PacketsMissed);
        Assert.Equal(3, limiter.PacketsNotFound);
        Assert.Equal(2, limiter.PacketsServed);
    }

    [Fact]
    public void A_packet_is_resent_to_a_receiver_at_most_once_per_round_trip()
    {
        var history = new RetransmissionHistory();
        var binding = new OutboundBinding(0xAAAA, 98, 0, 0, SourceClock);
        Stream(history, binding, 5, TimeSpan.Zero);
        var limiter = Unlimited();
        limiter.RoundTripTime = Ms(60);
        var other = Unlimited();
        var buffer = new byte[1500];

        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(10), 2, binding, limiter, buffer, out _));
        Assert.Equal(RetransmissionResult.TooSoon, history.TryResend(Ms(69), 2, binding, limiter, buffer, out var written));
        Assert.Equal(0, written);
        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(69), 2, binding, other, buffer, out _));
        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(70), 2, binding, limiter, buffer, out _));
        Assert.Equal(1, limiter.PacketsTooSoon);
    }

    [Fact]
    public void Retransmissions_beyond_the_bitrate_cap_are_refused_until_budget_returns()
    {
        var history = new RetransmissionHistory();
        var binding = new OutboundBinding(0xAAAA, 98, 0, 0, SourceClock);
        Stream(history, binding, 100, TimeSpan.Zero);
        // 240 kbit/s = 30000 bytes/s; a 100 ms burst holds 3000 bytes, i.e. 26 packets of 112 bytes.
        var limiter = new RetransmissionLimiter(240_000, TimeSpan.FromMilliseconds(100));
        var buffer = new byte[1500];
        var sent = 0;
        for (ushort s = 0; s < 50; s++)
        {
            sent += history.TryResend(Ms(100), s, binding, limiter, buffer, out _) == RetransmissionResult.Sent ? 1 : 0;
        }

        Assert.Equal(26, sent);
        Assert.Equal(24, limiter.PacketsRateLimited);
        // 10 ms later the 88 bytes left have grown by 300: three more packets.
        for (ushort s = 60; s < 63; s++)
        {
            Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(110), s, binding, limiter, buffer, out _));
        }
        Assert.Equal(RetransmissionResult.RateLimited, history.TryResend(Ms(110), 63, binding, limiter, buffer, out _));
    }

    [Fact]
    public void A_small_destination_is_refused_without_charging_the_budget()
    {
        var history = new RetransmissionHistory();
        var binding = new OutboundBinding(0xAAAA, 98, 0, 0, SourceClock, new RtxParameters(1, 99, 0));
        Stream(history, binding, 1, TimeSpan.Zero);
        var limiter = Unlimited();

        Assert.Equal(RetransmissionResult.DestinationTooSmall, history.TryResend(Ms(1), 0, binding, limiter, new byte[113], out _));
        Assert.Equal(RetransmissionResult.Sent, history.TryResend(Ms(1), 0, binding, limiter, new byte[114], out var written));
        Assert.Equal(114, written);
    }

    [Fact]
    public void Memory_is_bounded_by_capacity_and_packet_size()
    {
        var history = new RetransmissionHistory(capacity: 8, maxPacketSize: 200);
        var now = TimeSpan.Zero;
        for (var i = 0; i < 5000; i++)
        {
            history.TryStore(now, Packet((ushort)i, 0, 1, payloadLength: 100));
        }

        Assert.False(history.TryStore(now, Packet(1, 0, 1, payloadLength: 189)));
        Assert.False(history.TryStore(now, new byte[5]));
        Assert.Equal(2, history.PacketsRejected);
        var present = 0;
        for (var s = 0; s < 5000; s++)
        {
            present += history.TryGet(now, (ushort)s, out _) ? 1 : 0;
        }
        Assert.Equal(8, present);
        Assert.True(history.TryGet(now, 4999, out var newest));
        Assert.Equal(4999, BinaryPrimitives.ReadUInt16BigEndian(newest[2..]));
    }

    [Fact]
    public void A_late_packet_older_than_everything_kept_does_not_evict_a_newer_one()
    {
        var history = new RetransmissionHistory(capacity: 4);
        for (ushort s = 10; s < 14; s++)
        {
            history.TryStore(Ms(0), Packet(s, 0, 1));
        }

        Assert.False(history.TryStore(Ms(0), Packet(9, 0, 1)));
        Assert.True(history.TryGet(Ms(0), 13, out _));
        Assert.True(history.TryStore(Ms(0), Packet(14, 0, 1)));
        Assert.False(history.TryGet(Ms(0), 10, out _));
    }

    [Fact]
    public void Clear_forgets_everything_for_a_restarted_source()
    {
        var history = new RetransmissionHistory();
        history.TryStore(Ms(0), Packet(10, 0, 1));
        history.Clear();

        Assert.False(history.TryGet(Ms(0), 10, out _));
        Assert.True(history.TryStore(Ms(1), Packet(40000, 0, 1)));
        Assert.True(history.TryGet(Ms(1), 40000, out _));
    }

    [Fact]
    public void Arbitrary_bytes_are_rejected_without_throwing()
    {
        var history = new RetransmissionHistory(capacity: 4, maxPacketSize: 64);
        var random = new Random(5);
        for (var i = 0; i < 4000; i++)
        {
            var bytes = new byte[random.Next(80)];
            random.NextBytes(bytes);
            if (history.TryStore(Ms(i), bytes))
            {
                Assert.True(RtpPacket.TryParse(bytes, out var parsed));
                Assert.True(history.TryGet(Ms(i), parsed.SequenceNumber, out var stored));
                Assert.Equal(bytes, stored.ToArray());
            }
        }
        Assert.Equal(4000, history.PacketsStored + history.PacketsRejected);
    }

    [Fact]
    public void Storing_looking_up_and_resending_allocate_nothing()
    {
        var history = new RetransmissionHistory();
        var binding = new OutboundBinding(0xAAAA, 98, 100, 0, SourceClock, new RtxParameters(0xBBBB, 99, 0));
        var limiter = new RetransmissionLimiter(10_000_000, TimeSpan.FromSeconds(1));
        var packet = Packet(0, 0, SourceSsrc, payloadLength: 1100);
        var buffer = new byte[1500];
        ushort sequenceNumber = 0;
        var now = TimeSpan.Zero;

        var allocated = Allocations.Measure(() =>
        {
            now += Ms(4);
            RtpRewriter.TryRewrite(packet, 96, sequenceNumber++, (uint)now.Ticks, SourceSsrc);
            history.TryStore(now, packet);
            binding.TryRewrite(now, packet);
            history.TryGet(now, (ushort)(sequenceNumber - 3), out _);
            history.TryResend(now, (ushort)(binding.LastSequenceNumber - 2), binding, limiter, buffer, out _);
        });

        Assert.Equal(0, allocated);
        Assert.True(history.PacketsServed > 400);
    }
}
