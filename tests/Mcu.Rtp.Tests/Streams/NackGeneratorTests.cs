using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class NackGeneratorTests
{
    private const uint Sender = 1;
    private const uint Media = 0xBEEF;

    private static List<ushort> Nack(NackGenerator generator, TimeSpan now, int bufferSize = 1200)
    {
        var buffer = new byte[bufferSize];
        var lost = new List<ushort>();
        if (!generator.TryWriteNack(now, buffer, out var written))
        {
            return lost;
        }
        Assert.True(GenericNack.TryParse(buffer.AsSpan(0, written), out var nack));
        Assert.Equal(Sender, nack.SenderSsrc);
        Assert.Equal(Media, nack.MediaSsrc);
        foreach (var sequenceNumber in nack.LostSequenceNumbers)
        {
            lost.Add(sequenceNumber);
        }
        return lost;
    }

    private static NackGenerator Arrive(NackOptions? options, TimeSpan now, params ushort[] sequenceNumbers)
    {
        var generator = new NackGenerator(Sender, Media, options);
        foreach (var sequenceNumber in sequenceNumbers)
        {
            generator.OnPacket(now, sequenceNumber);
        }
        return generator;
    }

    [Fact]
    public void A_gap_is_nacked_once_the_first_delay_has_passed()
    {
        var generator = Arrive(null, Ms(100), 1, 2, 5, 6);

        Assert.Equal(2, generator.MissingCount);
        Assert.Empty(Nack(generator, Ms(104)));
        Assert.Equal(Ms(105), generator.GetNextDeadline());
        Assert.Equal([3, 4], Nack(generator, Ms(105)));
        Assert.Equal(2, generator.NacksSent);
    }

    [Fact]
    public void Retries_wait_for_the_round_trip_time_but_at_least_20_ms()
    {
        var generator = Arrive(null, TimeSpan.Zero, 1, 3);
        Assert.Equal([2], Nack(generator, Ms(10)));

        Assert.Empty(Nack(generator, Ms(29)));
        Assert.Equal([2], Nack(generator, Ms(30)));

        generator.RoundTripTime = Ms(80);
        Assert.Equal(Ms(110), generator.GetNextDeadline());
        Assert.Empty(Nack(generator, Ms(100)));
        Assert.Equal([2], Nack(generator, Ms(110)));
    }

    [Fact]
    public void After_the_last_retry_it_gives_up_and_asks_for_a_keyframe()
    {
        var generator = Arrive(new NackOptions { MaxNacksPerSequenceNumber = 3 }, TimeSpan.Zero, 10, 12);
        Assert.Equal([11], Nack(generator, Ms(5)));
        Assert.Equal([11], Nack(generator, Ms(25)));
        Assert.Equal([11], Nack(generator, Ms(45)));
        Assert.False(generator.KeyframeNeeded);

        Assert.Empty(Nack(generator, Ms(64)));
        Assert.Empty(Nack(generator, Ms(65)));

        Assert.True(generator.KeyframeNeeded);
        Assert.Equal(1, generator.PacketsGivenUp);
        Assert.Equal(0, generator.MissingCount);
        Assert.Equal(TimeSpan.MaxValue, generator.GetNextDeadline());
    }

    [Fact]
    public void A_packet_missing_longer_than_the_max_age_is_given_up()
    {
        var generator = Arrive(null, TimeSpan.Zero, 1, 3);
        generator.RoundTripTime = Ms(400);
        Assert.Equal([2], Nack(generator, Ms(5)));
        Assert.Equal([2], Nack(generator, Ms(405)));
        Assert.Equal([2], Nack(generator, Ms(805)));

        Assert.Empty(Nack(generator, TimeSpan.FromSeconds(1)));

        Assert.True(generator.KeyframeNeeded);
        Assert.Equal(1, generator.PacketsGivenUp);
    }

    [Fact]
    public void An_arriving_retransmission_stops_the_nacks_for_it()
    {
        var generator = Arrive(null, TimeSpan.Zero, 1, 5);
        Assert.Equal([2, 3, 4], Nack(generator, Ms(5)));

        // The retransmission comes as RTX (RFC 4588); the caller unwraps it and passes the original sequence number.
        var rtx = new byte[100];
        Assert.True(RtxPacket.TryWrap(Packet(3, 0, Media), rtx, 97, 0x5555, 800, out var rtxLength));
        var restored = new byte[100];
        Assert.True(RtxPacket.TryUnwrap(rtx.AsSpan(0, rtxLength), restored, 96, Media, out var restoredLength));
        Assert.True(RtpPacket.TryParse(restored.AsSpan(0, restoredLength), out var original));
        Assert.True(generator.OnPacket(Ms(20), original.SequenceNumber));
        Assert.False(generator.OnPacket(Ms(21), 3));

        Assert.Equal([2, 4], Nack(generator, Ms(30)));
        Assert.Equal(1, generator.PacketsRecovered);
        Assert.Equal(2, generator.MissingCount);
    }

    [Fact]
    public void Gaps_across_the_sequence_wrap_are_found_and_packed()
    {
        var generator = Arrive(null, TimeSpan.Zero, 65533, 65534, 2);

        Assert.Equal([65535, 0, 1], Nack(generator, Ms(5)));

        var buffer = new byte[100];
        generator.TryWriteNack(Ms(30), buffer, out var written);
        Assert.Equal(GenericNack.GetSize([65535, 0, 1]), written);
        Assert.Equal(16, written);
    }

    [Fact]
    public void Too_many_missing_packets_drop_the_list_and_ask_for_a_keyframe()
    {
        var generator = Arrive(new NackOptions { MaxListSize = 100 }, TimeSpan.Zero, 1, 50);
        Assert.Equal(48, generator.MissingCount);

        generator.OnPacket(Ms(1), 110);

        Assert.True(generator.KeyframeNeeded);
        Assert.Equal(0, generator.MissingCount);
        Assert.Equal(1, generator.Overflows);

        generator.Clear();
        Assert.False(generator.KeyframeNeeded);
        generator.OnPacket(Ms(2), 112);
        Assert.Equal([111], Nack(generator, Ms(10)));
    }

    [Fact]
    public void Holes_left_by_recovered_packets_are_reused_when_the_ring_is_full()
    {
        var generator = new NackGenerator(Sender, Media, new NackOptions { MaxListSize = 8 });
        generator.OnPacket(TimeSpan.Zero, 0);
        generator.OnPacket(TimeSpan.Zero, 7);
        // 1..6 missing; recover 2..5, leaving holes between 1 and 6.
        for (ushort s = 2; s <= 5; s++)
        {
            Assert.True(generator.OnPacket(Ms(1), s));
        }

        generator.OnPacket(Ms(2), 12);

        Assert.Equal(0, generator.Overflows);
        Assert.Equal(6, generator.MissingCount);
        Assert.Equal([1, 6, 8, 9, 10, 11], Nack(generator, Ms(10)));
        Assert.True(generator.OnPacket(Ms(11), 9));
        Assert.Equal([1, 6, 8, 10, 11], Nack(generator, Ms(40)));
    }

    [Fact]
    public void What_does_not_fit_waits_for_the_next_packet()
    {
        var generator = Arrive(null, TimeSpan.Zero, 0, 100);
        // Room for the feedback header and two items of up to 17 sequence numbers each.
        var first = Nack(generator, Ms(5), bufferSize: 12 + 8);
        var second = Nack(generator, Ms(5), bufferSize: 1200);

        Assert.Equal(Enumerable.Range(1, 34).Select(i => (ushort)i), first);
        Assert.Equal(Enumerable.Range(35, 65).Select(i => (ushort)i), second);
    }

    [Fact]
    public void Late_packets_and_duplicates_before_any_gap_change_nothing()
    {
        var generator = Arrive(null, TimeSpan.Zero, 5, 6, 4, 6);

        Assert.Equal(0, generator.MissingCount);
        Assert.Empty(Nack(generator, Ms(100)));
    }

    [Fact]
    public void Tracking_and_writing_nacks_allocate_nothing()
    {
        var generator = new NackGenerator(Sender, Media);
        var buffer = new byte[1200];
        ushort sequenceNumber = 0;
        var now = TimeSpan.Zero;

        var allocated = Allocations.Measure(() =>
        {
            now += Ms(7);
            sequenceNumber += 3;
            generator.OnPacket(now, sequenceNumber);
            generator.OnPacket(now, (ushort)(sequenceNumber - 1));
            generator.TryWriteNack(now, buffer, out _);
            _ = generator.GetNextDeadline();
        });

        Assert.Equal(0, allocated);
        Assert.True(generator.NacksSent > 0);
        Assert.True(generator.PacketsRecovered > 0);
    }
}
