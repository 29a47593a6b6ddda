using System.Buffers.Binary;
using Mcu.Media.Audio;

namespace Mcu.Media.Tests.Audio;

public class AudioJitterBufferTests
{
    private const int Frame = 960;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Transit = TimeSpan.FromMilliseconds(30);

    [Fact]
    public void In_order_packets_play_in_order_once_the_target_delay_has_passed()
    {
        var buffer = new AudioJitterBuffer();
        List<Step> steps = Simulate(buffer, Stream(10), ticks: 14);

        // Packet 0 arrives at 30 ms; at 40 ms it has waited 10 ms, at 60 ms the 20 ms minimum.
        Assert.Equal([-1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], steps.Take(13).Select(s => s.Id));
        Assert.All(steps.Skip(3).Take(10), s => Assert.Equal(AudioJitterStatus.Packet, s.Status));
        Assert.Equal(TimeSpan.FromMilliseconds(20), buffer.TargetDelay);
        Assert.Equal(0, buffer.LostPackets);
    }

    [Fact]
    public void Reordered_packets_play_in_timestamp_order()
    {
        List<Sent> packets = Stream(12);
        Swap(packets, 3, 4, extraDelayOfFirst: TimeSpan.FromMilliseconds(25));
        Swap(packets, 8, 9, extraDelayOfFirst: TimeSpan.FromMilliseconds(25));
        var buffer = new AudioJitterBuffer();

        List<Step> steps = Simulate(buffer, packets, ticks: 20);

        Assert.Equal(Enumerable.Range(0, 12), steps.Where(s => s.Status == AudioJitterStatus.Packet).Select(s => s.Id));
        Assert.Equal(0, buffer.LostPackets);
        Assert.Equal(0, buffer.LatePackets);
    }

    [Fact]
    public void A_lost_packet_is_missing_with_the_next_packet_offered_for_FEC()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(10);
        packets.RemoveAt(5);

        List<Step> steps = Simulate(buffer, packets, ticks: 14);

        int gap = steps.FindIndex(s => s.Status == AudioJitterStatus.Missing);
        Assert.Equal(4, steps[gap - 1].Id);
        Assert.True(steps[gap].NextPacketPresent);
        Assert.Equal(6, steps[gap].Id);
        Assert.Equal(Frame, steps[gap].Samples);
        Assert.Equal((AudioJitterStatus.Packet, 6), (steps[gap + 1].Status, steps[gap + 1].Id));
        Assert.Equal(1, buffer.LostPackets);
    }

    [Fact]
    public void Two_lost_packets_give_a_plain_gap_then_a_gap_with_the_next_packet()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(10);
        packets.RemoveRange(5, 2);

        List<Step> steps = Simulate(buffer, packets, ticks: 14);

        int gap = steps.FindIndex(s => s.Status == AudioJitterStatus.Missing);
        Assert.False(steps[gap].NextPacketPresent);
        Assert.True(steps[gap].PayloadEmpty);
        Assert.True(steps[gap + 1].NextPacketPresent);
        Assert.Equal(7, steps[gap + 1].Id);
        Assert.Equal(7, steps[gap + 2].Id);
        Assert.Equal(2, buffer.LostPackets);
    }

    [Fact]
    public void Duplicates_are_dropped_and_each_packet_plays_once()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(8);
        packets.Insert(3, packets[2] with { Arrival = packets[2].Arrival + TimeSpan.FromMilliseconds(1) });
        packets.Add(packets[1] with { Arrival = packets[^1].Arrival });

        List<Step> steps = Simulate(buffer, packets, ticks: 14);

        Assert.Equal(Enumerable.Range(0, 8), steps.Where(s => s.Status == AudioJitterStatus.Packet).Select(s => s.Id));
        Assert.Equal(1, buffer.DuplicatePackets);
        Assert.Equal(1, buffer.LatePackets);
    }

    [Fact]
    public void Sequence_numbers_and_timestamps_wrap_without_loss()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(40, firstSequence: 65_520, firstTimestamp: uint.MaxValue - (10 * Frame) + 1);

        List<Step> steps = Simulate(buffer, packets, ticks: 45);

        Assert.Equal(Enumerable.Range(0, 40), steps.Where(s => s.Status == AudioJitterStatus.Packet).Select(s => s.Id));
        Assert.Equal(0, buffer.LostPackets);
        Assert.Equal(0, buffer.Resyncs);
    }

    [Fact]
    public void A_late_packet_is_dropped_and_the_delay_grows_so_the_next_equal_spike_is_on_time()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(150);
        var spike = TimeSpan.FromMilliseconds(90);
        packets[20] = packets[20] with { Arrival = packets[20].Arrival + spike };
        packets[120] = packets[120] with { Arrival = packets[120].Arrival + spike };

        List<Step> steps = Simulate(buffer, packets, ticks: 170);

        Assert.Equal(1, buffer.LatePackets);
        Assert.InRange(buffer.TargetDelay, TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(90));
        Assert.Contains(steps, s => s.Status == AudioJitterStatus.Packet && s.Id == 120);
        Assert.DoesNotContain(steps, s => s.Status == AudioJitterStatus.Packet && s.Id == 20);
        Assert.InRange(buffer.CurrentDelay, TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(120));
        Assert.Equal(149, steps.Count(s => s.Status == AudioJitterStatus.Packet));
    }

    [Fact]
    public void Delay_adapts_up_to_the_jitter_and_slowly_back_down_without_gaps()
    {
        var buffer = new AudioJitterBuffer();
        var random = new Random(7);
        const int jittery = 500; // 10 s of up to 70 ms jitter, then 80 s of none
        List<Sent> packets = Stream(jittery + 4_000);
        for (int i = 0; i < jittery; i++)
        {
            packets[i] = packets[i] with { Arrival = packets[i].Arrival + TimeSpan.FromMilliseconds(random.Next(0, 71)) };
        }

        var sim = new Simulation(buffer, packets);
        sim.Run(jittery / 2);
        long lateAfterSettling = buffer.LatePackets;
        sim.Run(jittery / 2);

        Assert.InRange(buffer.TargetDelay, TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(70));
        Assert.InRange(buffer.CurrentDelay, TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(100));
        Assert.InRange(buffer.LatePackets - lateAfterSettling, 0, 2);

        int gapsBefore = sim.Steps.Count(s => s.Status == AudioJitterStatus.Missing);
        sim.Run(4_000);

        Assert.Equal(TimeSpan.FromMilliseconds(20), buffer.TargetDelay);
        Assert.InRange(buffer.CurrentDelay, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50));
        Assert.Equal(gapsBefore, sim.Steps.Count(s => s.Status == AudioJitterStatus.Missing));
        Assert.InRange(buffer.SkippedPackets, 1, 5);
    }

    [Fact]
    public void Quiet_packets_are_dropped_first_to_shrink_the_delay()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(3_000, audioLevel: 127);
        packets[10] = packets[10] with { Arrival = packets[10].Arrival + TimeSpan.FromMilliseconds(150) };
        var sim = new Simulation(buffer, packets);

        sim.Run(100);
        TimeSpan grown = buffer.CurrentDelay;
        sim.Run(2_900);

        Assert.True(grown >= TimeSpan.FromMilliseconds(140), $"grew to {grown.TotalMilliseconds} ms");
        Assert.InRange(buffer.CurrentDelay, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50));
        Assert.True(buffer.SkippedPackets >= 5);
    }

    [Fact]
    public void A_pause_in_sending_is_a_gap_in_time_not_a_loss()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(10);
        List<Sent> after = Stream(10, firstSequence: 10, firstTimestamp: 10 * Frame + 48_000, start: TimeSpan.FromMilliseconds(1_200), firstId: 10);
        packets.AddRange(after);

        List<Step> steps = Simulate(buffer, packets, ticks: 90);

        Assert.Equal(Enumerable.Range(0, 20), steps.Where(s => s.Status == AudioJitterStatus.Packet).Select(s => s.Id));
        Assert.Equal(0, buffer.LostPackets);
        Assert.Equal(0, buffer.Resyncs);
        Assert.Contains(steps, s => s.Status == AudioJitterStatus.NoData && s.Time > TimeSpan.FromMilliseconds(600));
    }

    [Fact]
    public void A_timestamp_jump_without_time_passing_restarts_playout_from_the_new_packets()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(10);
        packets.AddRange(Stream(10, firstSequence: 10, firstTimestamp: 2_000_000_000, start: 12 * Tick, firstId: 10));

        List<Step> steps = Simulate(buffer, packets, ticks: 30);

        Assert.Equal(1, buffer.Resyncs);
        Assert.Equal(Enumerable.Range(0, 20), steps.Where(s => s.Status == AudioJitterStatus.Packet).Select(s => s.Id));
    }

    [Fact]
    public void The_buffer_holds_at_most_its_capacity_and_drops_what_is_too_far_ahead()
    {
        var buffer = new AudioJitterBuffer(new AudioJitterBufferSettings { Capacity = 16 });
        var results = new List<AudioJitterInsertResult>();
        foreach (Sent packet in Stream(100))
        {
            results.Add(buffer.Insert(packet.Sequence, packet.Timestamp, TimeSpan.Zero, packet.Payload, Frame));
        }

        Assert.Equal(16, buffer.Count);
        Assert.Equal(84, results.Count(r => r == AudioJitterInsertResult.Overflow));
        Assert.Equal(84, buffer.OverflowPackets);
    }

    [Fact]
    public void Packets_longer_than_a_tick_play_their_whole_duration_in_one_step()
    {
        var buffer = new AudioJitterBuffer();
        List<Sent> packets = Stream(6, samples: 2 * Frame);
        packets.RemoveAt(3);

        var sim = new Simulation(buffer, packets, popEvery: 2);
        sim.Run(16);
        List<Step> steps = sim.Steps;

        Assert.Equal([0, 1, 2, 4, 5], steps.Where(s => s.Status == AudioJitterStatus.Packet).Select(s => s.Id));
        Assert.All(steps.Where(s => s.Status != AudioJitterStatus.NoData), s => Assert.Equal(2 * Frame, s.Samples));
        Assert.Contains(steps, s => s.Status == AudioJitterStatus.Missing && s.NextPacketPresent && s.Id == 4);
    }

    [Fact]
    public void The_RFC_6464_level_travels_with_its_packet()
    {
        var buffer = new AudioJitterBuffer();
        buffer.Insert(1, 0, TimeSpan.Zero, new byte[10], Frame, audioLevel: 42);

        AudioJitterFrame frame = buffer.Pop(TimeSpan.FromMilliseconds(20));

        Assert.Equal(AudioJitterStatus.Packet, frame.Status);
        Assert.Equal((byte)42, frame.AudioLevel);
        Assert.Equal(10, frame.Payload.Length);
    }

    [Theory]
    [InlineData(0, Frame, 0)]
    [InlineData(1_501, Frame, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 100, 0)]
    [InlineData(10, 5_880, 0)]
    [InlineData(10, Frame, 128)]
    public void Malformed_packets_are_counted_and_dropped(int length, int samples, int level)
    {
        var buffer = new AudioJitterBuffer();

        AudioJitterInsertResult result = buffer.Insert(1, 0, TimeSpan.Zero, new byte[length], samples, level == 0 ? null : (byte)level);

        Assert.Equal(AudioJitterInsertResult.Malformed, result);
        Assert.Equal(1, buffer.MalformedPackets);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Reset_forgets_the_stream_so_a_new_one_starts_cleanly()
    {
        var buffer = new AudioJitterBuffer();
        Simulate(buffer, Stream(10), ticks: 12);

        buffer.Reset();
        List<Step> steps = Simulate(buffer, Stream(10, firstSequence: 5_000, firstTimestamp: 77, start: TimeSpan.FromSeconds(30)), ticks: 14, start: TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 10), steps.Where(s => s.Status == AudioJitterStatus.Packet).Select(s => s.Id));
        Assert.Equal(0, buffer.Resyncs);
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AudioJitterBuffer(new AudioJitterBufferSettings { MinDelay = TimeSpan.FromMilliseconds(300) }));
        Assert.Throws<ArgumentException>(() => new AudioJitterBuffer(new AudioJitterBufferSettings { Capacity = 1 }));
        Assert.Throws<ArgumentException>(() => new AudioJitterBuffer(new AudioJitterBufferSettings { ClockRate = 44_100 }));
        Assert.Throws<ArgumentException>(() => new AudioJitterBuffer(new AudioJitterBufferSettings { ResyncThreshold = TimeSpan.FromMilliseconds(100) }));
    }

    [Fact]
    public void Random_and_mutated_streams_never_throw_and_stay_bounded()
    {
        var random = new Random(1234);
        var buffer = new AudioJitterBuffer(new AudioJitterBufferSettings { Capacity = 8, MaxPayloadSize = 64 });
        byte[] payload = new byte[80];
        TimeSpan now = TimeSpan.Zero;
        ushort sequence = 0;
        uint timestamp = 0;
        int played = 0;
        for (int i = 0; i < 20_000; i++)
        {
            now += TimeSpan.FromMilliseconds(random.Next(0, 25));
            int length = random.Next(0, payload.Length);
            random.NextBytes(payload.AsSpan(0, length));
            int samples = random.Next(4) == 0 ? random.Next(-10, 7_000) : 120 * random.Next(1, 49);
            switch (random.Next(6))
            {
                case 0:
                    sequence = (ushort)random.Next(65_536);
                    timestamp = (uint)random.NextInt64(uint.MaxValue + 1L);
                    break;
                case 1:
                    sequence -= (ushort)random.Next(5);
                    timestamp -= (uint)random.Next(5_000);
                    break;
                default:
                    sequence++;
                    timestamp += (uint)Frame;
                    break;
            }

            buffer.Insert(sequence, timestamp, now, payload.AsSpan(0, length), samples, random.Next(3) == 0 ? (byte)random.Next(256) : null);
            for (int pops = random.Next(3); pops > 0; pops--)
            {
                AudioJitterFrame frame = buffer.Pop(now);
                if (frame.Status != AudioJitterStatus.NoData)
                {
                    Assert.InRange(frame.Samples, 120, 5_760);
                    Assert.Equal(0, frame.Samples % 120);
                    Assert.InRange(frame.Payload.Length, 0, 64);
                    played++;
                }
            }

            Assert.InRange(buffer.Count, 0, 8);
        }

        Assert.True(played > 1_000);
    }

    private static List<Sent> Stream(int count, ushort firstSequence = 0, uint firstTimestamp = 0, TimeSpan start = default, int samples = Frame, byte? audioLevel = null, int firstId = 0)
    {
        var packets = new List<Sent>(count);
        for (int i = 0; i < count; i++)
        {
            byte[] payload = new byte[20];
            BinaryPrimitives.WriteInt32BigEndian(payload, firstId + i);
            TimeSpan sent = start + TimeSpan.FromTicks(Tick.Ticks * samples / Frame * i);
            packets.Add(new Sent((ushort)(firstSequence + i), (uint)(firstTimestamp + ((long)i * samples)), sent + Transit, payload, samples, audioLevel));
        }

        return packets;
    }

    private static void Swap(List<Sent> packets, int first, int second, TimeSpan extraDelayOfFirst)
    {
        packets[first] = packets[first] with { Arrival = packets[second].Arrival + extraDelayOfFirst - TimeSpan.FromMilliseconds(20) };
        (packets[first], packets[second]) = (packets[second], packets[first]);
    }

    private static List<Step> Simulate(AudioJitterBuffer buffer, List<Sent> packets, int ticks, TimeSpan start = default)
    {
        var sim = new Simulation(buffer, packets, start);
        sim.Run(ticks);
        return sim.Steps;
    }

    private sealed record Sent(ushort Sequence, uint Timestamp, TimeSpan Arrival, byte[] Payload, int Samples, byte? AudioLevel);

    private sealed record Step(TimeSpan Time, AudioJitterStatus Status, int Id, int Samples, bool NextPacketPresent, bool PayloadEmpty);

    /// <summary>Delivers packets as their arrival time passes and pops once per 20 ms tick, in virtual time.</summary>
    private sealed class Simulation(AudioJitterBuffer buffer, List<Sent> sent, TimeSpan start = default, int popEvery = 1)
    {
        private readonly List<Sent> _packets = [.. sent.OrderBy(p => p.Arrival)];
        private int _next;
        private int _tick;
        private TimeSpan _now = start;

        public List<Step> Steps { get; } = [];

        public void Run(int ticks)
        {
            for (int t = 0; t < ticks; t++)
            {
                while (_next < _packets.Count && _packets[_next].Arrival <= _now)
                {
                    Sent p = _packets[_next++];
                    buffer.Insert(p.Sequence, p.Timestamp, p.Arrival, p.Payload, p.Samples, p.AudioLevel);
                }

                if (_tick++ % popEvery != 0)
                {
                    _now += Tick;
                    continue;
                }

                AudioJitterFrame frame = buffer.Pop(_now);
                int id = frame.Payload.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(frame.Payload) : -1;
                Steps.Add(new Step(_now, frame.Status, id, frame.Samples, frame.NextPacketPresent, frame.Payload.IsEmpty));
                _now += Tick;
            }
        }
    }
}
