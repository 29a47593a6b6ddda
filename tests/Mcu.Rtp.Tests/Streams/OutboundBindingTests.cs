using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class OutboundBindingTests
{
    private const uint SourceSsrc = 0x50;
    private const uint ReceiverSsrc = 0x7777;
    private static readonly RtpClockMapping SourceClock = new(TimeSpan.Zero, 0, 90000);

    private static (ushort Sequence, uint Timestamp) Send(OutboundBinding binding, TimeSpan now, ushort sequenceNumber, uint timestamp, uint ssrc = SourceSsrc)
    {
        var packet = Packet(sequenceNumber, timestamp, ssrc, payloadLength: 10, payloadType: 96);
        Assert.True(binding.TryRewrite(now, packet));
        Assert.True(RtpPacket.TryParse(packet, out var parsed));
        Assert.Equal(binding.Ssrc, parsed.Ssrc);
        Assert.Equal(binding.PayloadType, parsed.PayloadType);
        return (parsed.SequenceNumber, parsed.Timestamp);
    }

    [Fact]
    public void The_first_packet_gets_the_receivers_initial_sequence_number_and_offset_timestamp()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 98, 1000, 0x10000, SourceClock);
        var packet = Packet(40000, 90000, SourceSsrc, payloadLength: 10, payloadType: 96, marker: true);
        var original = packet.ToArray();

        Assert.True(binding.TryRewrite(Ms(1), packet));

        Assert.True(RtpPacket.TryParse(packet, out var parsed));
        Assert.Equal(1000, parsed.SequenceNumber);
        Assert.Equal(90000u + 0x10000, parsed.Timestamp);
        Assert.Equal(ReceiverSsrc, parsed.Ssrc);
        Assert.Equal(98, parsed.PayloadType);
        Assert.True(parsed.Marker);
        Assert.Equal(original.AsSpan(12).ToArray(), parsed.Payload.ToArray());
        Assert.Equal(1, binding.Statistics.PacketsSent);
        Assert.Equal(10, binding.Statistics.OctetsSent);
        Assert.Equal(SourceClock.WithOffset(0x10000), binding.Statistics.Clock);
    }

    [Fact]
    public void Sequence_numbers_continue_across_the_receivers_wrap_and_nacks_map_back()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 96, 65534, 0, SourceClock);
        var received = new List<ushort>();
        for (ushort source = 300; source < 304; source++)
        {
            received.Add(Send(binding, Ms(source), source, source * 3000u).Sequence);
        }

        Assert.Equal([65534, 65535, 0, 1], received);
        Assert.True(binding.TryGetMapping(65535, out var mapping));
        Assert.Equal(301, mapping.ToSource(65535));
        Assert.True(binding.TryGetMapping(1, out mapping));
        Assert.Equal(303, mapping.ToSource(1));
        Assert.False(binding.TryGetMapping(2, out _));
        Assert.False(binding.TryGetMapping(65533, out _));
    }

    [Fact]
    public void A_new_source_with_its_own_numbering_continues_sequence_and_timestamps()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 96, 100, 5000, SourceClock);
        Send(binding, Ms(0), 10, 0);
        var last = Send(binding, Ms(33), 11, 3000);

        // A new encoder instance: new SSRC, sequence and timestamp start elsewhere; 100 ms later.
        var newClock = new RtpClockMapping(Ms(133), 777_777, 90000);
        binding.ChangeSource(newClock);
        var first = Send(binding, Ms(133), 50000, 777_777, ssrc: 0x51);
        var second = Send(binding, Ms(166), 50001, 777_777 + 3000, ssrc: 0x51);

        Assert.Equal(last.Sequence + 1, first.Sequence);
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(last.Timestamp + 9000, first.Timestamp);
        Assert.Equal(first.Timestamp + 3000, second.Timestamp);
        Assert.Equal(1, binding.SourceChanges);
        // The SR clock follows: the instant the new source stamped 777777 maps to what the receiver got.
        Assert.Equal(first.Timestamp, binding.Statistics.Clock.GetRtpTimestamp(Ms(133)));

        // NACKs for either side of the change map to the right source's numbers.
        Assert.True(binding.TryGetMapping(last.Sequence, out var before));
        Assert.Equal(11, before.ToSource(last.Sequence));
        Assert.Equal(last.Timestamp, before.ToReceiverTimestamp(3000));
        Assert.True(binding.TryGetMapping(second.Sequence, out var after));
        Assert.Equal(50001, after.ToSource(second.Sequence));
    }

    [Fact]
    public void A_new_source_on_the_same_room_clock_keeps_the_timestamp_offset()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 96, 100, 5000, SourceClock);
        Send(binding, Ms(0), 10, 0);
        Send(binding, Ms(33), 11, 3000);

        binding.ChangeSource(SourceClock);
        var next = Send(binding, Ms(70), 900, 6000);

        Assert.Equal(102, next.Sequence);
        Assert.Equal(6000u + 5000, next.Timestamp);
        Assert.Equal(SourceClock.WithOffset(5000), binding.Statistics.Clock);
    }

    [Fact]
    public void A_changed_source_ssrc_is_noticed_without_being_told()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 96, 7, 0, SourceClock);
        Send(binding, Ms(0), 10, 3000);

        var next = Send(binding, Ms(20), 1, 3000, ssrc: 0x99);

        Assert.Equal(8, next.Sequence);
        Assert.Equal(3000u + 1800, next.Timestamp);
    }

    [Fact]
    public void Rtx_sequence_numbers_start_at_the_negotiated_value_and_wrap()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 96, 0, 0, SourceClock, new RtxParameters(0x8888, 97, 65535));

        Assert.True(binding.HasRtx);
        Assert.Equal(65535, binding.NextRtxSequenceNumber());
        Assert.Equal(0, binding.NextRtxSequenceNumber());
    }

    [Fact]
    public void Invalid_packets_are_refused_and_arbitrary_bytes_never_throw()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 96, 0, 0, SourceClock);
        Assert.False(binding.TryRewrite(Ms(0), new byte[11]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutboundBinding(1, 128, 0, 0, SourceClock));

        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(40)];
            random.NextBytes(bytes);
            var copy = bytes.ToArray();
            if (!binding.TryRewrite(Ms(i), bytes))
            {
                Assert.Equal(copy, bytes);
            }
        }
    }

    [Fact]
    public void Rewriting_each_packet_allocates_nothing()
    {
        var binding = new OutboundBinding(ReceiverSsrc, 100, 65000, 123, SourceClock);
        var packet = Packet(0, 0, SourceSsrc, 1000);
        ushort sequenceNumber = 0;
        var now = TimeSpan.Zero;

        var allocated = Allocations.Measure(() =>
        {
            now += Ms(10);
            RtpRewriter.TryRewrite(packet, 96, sequenceNumber++, (uint)(now.Ticks / 111), SourceSsrc);
            binding.TryRewrite(now, packet);
            binding.TryGetMapping((ushort)(binding.LastSequenceNumber - 5), out _);
        });

        Assert.Equal(0, allocated);
        Assert.Equal(502, binding.Statistics.PacketsSent);
    }
}
