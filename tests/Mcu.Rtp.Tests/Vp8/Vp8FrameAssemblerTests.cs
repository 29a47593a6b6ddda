using Mcu.Rtp.Vp8;

namespace Mcu.Rtp.Tests.Vp8;

public class Vp8FrameAssemblerTests
{
    private readonly Vp8FrameAssembler _assembler = new(maxPackets: 256, maxPacketDataSize: 1200, maxFrameLength: 64 * 1024);
    private readonly byte[] _destination = new byte[64 * 1024];

    private Vp8InsertResult Insert(Vp8TestPacket packet) =>
        _assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);

    private void InsertAll(IEnumerable<Vp8TestPacket> packets)
    {
        foreach (var packet in packets)
        {
            Assert.Equal(Vp8InsertStatus.Accepted, Insert(packet).Status);
        }
    }

    private List<(Vp8Frame Frame, byte[] Bytes)> TakeAll()
    {
        var frames = new List<(Vp8Frame, byte[])>();
        while (_assembler.TryTakeFrame(_destination, out var frame))
        {
            frames.Add((frame, _destination.AsSpan(0, frame.Length).ToArray()));
        }
        return frames;
    }

    [Fact]
    public void A_key_frame_comes_out_whole_with_its_dimensions()
    {
        var stream = new Vp8TestStream();
        var keyframe = Vp8Frames.Keyframe(1000, seed: 1, width: 640, height: 360);
        var packets = stream.Frame(keyframe);
        Assert.True(packets.Count > 3);
        Assert.True(_assembler.NeedsKeyframe);

        InsertAll(packets);
        var frames = TakeAll();

        var (frame, bytes) = Assert.Single(frames);
        Assert.Equal(keyframe, bytes);
        Assert.True(frame.IsKeyframe);
        Assert.Equal(640, frame.Width);
        Assert.Equal(360, frame.Height);
        Assert.Equal(100, frame.PictureId);
        Assert.Equal(packets[0].SequenceNumber, frame.FirstSequenceNumber);
        Assert.Equal(packets[^1].SequenceNumber, frame.LastSequenceNumber);
        Assert.Equal(packets[0].Timestamp, frame.Timestamp);
        Assert.False(frame.AfterLoss);
        Assert.False(_assembler.NeedsKeyframe);
    }

    [Fact]
    public void Reordered_packets_across_frames_and_the_sequence_wrap_give_identical_frames_in_order()
    {
        var stream = new Vp8TestStream(firstSequenceNumber: 65520);
        var originals = new List<byte[]> { Vp8Frames.Keyframe(2000, 1) };
        for (var i = 0; i < 6; i++)
        {
            originals.Add(Vp8Frames.Delta(300 + (i * 250), 10 + i));
        }
        var packets = originals.SelectMany(f => stream.Frame(f)).ToList();

        // Shuffle within windows of 7 packets so frames overlap on arrival.
        var random = new Random(1234);
        for (var start = 0; start < packets.Count; start += 7)
        {
            var window = packets.GetRange(start, Math.Min(7, packets.Count - start)).OrderBy(_ => random.Next()).ToList();
            for (var i = 0; i < window.Count; i++)
            {
                packets[start + i] = window[i];
            }
        }

        var taken = new List<(Vp8Frame Frame, byte[] Bytes)>();
        foreach (var packet in packets)
        {
            Assert.Equal(Vp8InsertStatus.Accepted, Insert(packet).Status);
            taken.AddRange(TakeAll());
        }

        Assert.Equal(originals, taken.Select(t => t.Bytes));
        Assert.True(taken[0].Frame.IsKeyframe);
        Assert.All(taken.Skip(1), t => Assert.False(t.Frame.IsKeyframe));
        Assert.Equal(Enumerable.Range(100, 7), taken.Select(t => t.Frame.PictureId));
        Assert.Equal(7, _assembler.FramesDelivered);
        Assert.Equal(0, _assembler.FramesDropped);
    }

    [Fact]
    public void A_missing_middle_packet_is_reported_and_the_frame_waits_for_it()
    {
        var stream = new Vp8TestStream();
        InsertAll(stream.Frame(Vp8Frames.Keyframe(500, 1)));
        Assert.Single(TakeAll());

        var delta = Vp8Frames.Delta(900, 2);
        var packets = stream.Frame(delta);
        var missing = packets[1];
        Insert(packets[0]);
        var result = Insert(packets[2]);
        Assert.Equal(missing.SequenceNumber, result.FirstMissing);
        Assert.Equal(1, result.MissingCount);
        InsertAll(packets.Skip(3));
        Assert.Empty(TakeAll());

        var next = Vp8Frames.Delta(200, 3);
        InsertAll(stream.Frame(next));
        Assert.Empty(TakeAll());
        Assert.Equal(1, _assembler.HeldFrameCount);

        // The retransmission arrives: both frames come out, in order.
        Insert(missing);
        Assert.Equal(new[] { delta, next }, TakeAll().Select(t => t.Bytes));
    }

    [Fact]
    public void Giving_up_on_a_lost_frame_requires_a_key_frame()
    {
        var stream = new Vp8TestStream();
        InsertAll(stream.Frame(Vp8Frames.Keyframe(500, 1)));
        TakeAll();

        var lostFrame = stream.Frame(Vp8Frames.Delta(700, 2));
        InsertAll(lostFrame.Take(1));
        InsertAll(stream.Frame(Vp8Frames.Delta(200, 3)));
        Assert.Empty(TakeAll());

        _assembler.SkipMissing();
        Assert.Empty(TakeAll());
        Assert.True(_assembler.NeedsKeyframe);
        Assert.Equal(1, _assembler.FramesDropped);

        InsertAll(stream.Frame(Vp8Frames.Delta(200, 4)));
        Assert.Empty(TakeAll());

        var keyframe = Vp8Frames.Keyframe(800, 5);
        InsertAll(stream.Frame(keyframe));
        var (frame, bytes) = Assert.Single(TakeAll());
        Assert.True(frame.IsKeyframe);
        Assert.Equal(keyframe, bytes);
        Assert.False(_assembler.NeedsKeyframe);
    }

    [Fact]
    public void Delta_frames_before_the_first_key_frame_are_dropped()
    {
        var stream = new Vp8TestStream();
        InsertAll(stream.Frame(Vp8Frames.Delta(400, 1)));
        Assert.Empty(TakeAll());
        Assert.True(_assembler.NeedsKeyframe);

        InsertAll(stream.Frame(Vp8Frames.Keyframe(400, 2)));
        InsertAll(stream.Frame(Vp8Frames.Delta(400, 3)));
        Assert.Equal(new[] { true, false }, TakeAll().Select(t => t.Frame.IsKeyframe));
    }

    [Fact]
    public void A_key_frame_behind_a_hole_is_delivered_at_once()
    {
        var stream = new Vp8TestStream();
        InsertAll(stream.Frame(Vp8Frames.Keyframe(500, 1)));
        TakeAll();
        var broken = stream.Frame(Vp8Frames.Delta(700, 2));
        InsertAll(broken.Skip(1));

        InsertAll(stream.Frame(Vp8Frames.Keyframe(500, 3)));
        var (frame, _) = Assert.Single(TakeAll());
        Assert.True(frame.IsKeyframe);
        Assert.Equal(Vp8InsertStatus.TooOld, Insert(broken[0]).Status);
    }

    [Fact]
    public void Lost_padding_between_frames_does_not_break_the_picture_id_chain()
    {
        var stream = new Vp8TestStream();
        InsertAll(stream.Frame(Vp8Frames.Keyframe(500, 1)));
        TakeAll();
        stream.Skip();
        var received = stream.Padding();
        Insert(received);
        InsertAll(stream.Frame(Vp8Frames.Delta(300, 2)));
        Assert.Empty(TakeAll());

        _assembler.SkipMissing();
        var (frame, _) = Assert.Single(TakeAll());
        Assert.True(frame.AfterLoss);
        Assert.False(_assembler.NeedsKeyframe);
    }

    [Fact]
    public void Received_padding_between_frames_keeps_them_contiguous()
    {
        var stream = new Vp8TestStream();
        InsertAll(stream.Frame(Vp8Frames.Keyframe(500, 1)));
        Insert(stream.Padding());
        Insert(stream.Padding());
        InsertAll(stream.Frame(Vp8Frames.Delta(300, 2)));
        Assert.Equal(2, TakeAll().Count);
    }

    [Fact]
    public void Losing_an_upper_temporal_layer_frame_leaves_the_base_layer_decodable()
    {
        var stream = new Vp8TestStream();
        static Vp8PayloadDescriptor Layer(ushort pictureId, byte tl0, byte tid) => new()
        {
            HasPictureId = true, LongPictureId = true, PictureId = pictureId,
            HasTl0PicIdx = true, Tl0PicIdx = tl0,
            HasTemporalLayerId = true, TemporalLayerId = tid,
        };

        InsertAll(stream.Frame(Vp8Frames.Keyframe(300, 1), Layer(1, 255, 0)));
        InsertAll(stream.Frame(Vp8Frames.Delta(300, 2), Layer(2, 255, 1)));
        Assert.Equal(2, TakeAll().Count);

        // TL1 frame 4 is lost entirely; TL0 frame 5 (TL0PICIDX 0 follows 255) is still decodable.
        InsertAll(stream.Frame(Vp8Frames.Delta(300, 3), Layer(3, 0, 0)));
        var lost = stream.Frame(Vp8Frames.Delta(300, 4), Layer(4, 0, 1));
        InsertAll(stream.Frame(Vp8Frames.Delta(300, 5), Layer(5, 1, 0)));
        Assert.Single(TakeAll());
        _assembler.SkipMissing();
        var (frame, _) = Assert.Single(TakeAll());
        Assert.Equal(5, frame.PictureId);
        Assert.True(frame.AfterLoss);
        Assert.False(_assembler.NeedsKeyframe);
        Assert.NotEmpty(lost);

        // A lost base frame: the next TL1 frame is dropped without asking for a key frame yet,
        // the next TL0 frame skips a TL0PICIDX and does.
        stream.Frame(Vp8Frames.Delta(300, 6), Layer(6, 2, 0));
        InsertAll(stream.Frame(Vp8Frames.Delta(300, 7), Layer(7, 2, 1)));
        _assembler.SkipMissing();
        Assert.Empty(TakeAll());
        Assert.False(_assembler.NeedsKeyframe);
        InsertAll(stream.Frame(Vp8Frames.Delta(300, 8), Layer(8, 3, 0)));
        Assert.Empty(TakeAll());
        Assert.True(_assembler.NeedsKeyframe);
    }

    [Fact]
    public void Too_many_frames_held_behind_a_hole_gives_up_on_it_automatically()
    {
        var assembler = new Vp8FrameAssembler(maxPackets: 64, maxPacketDataSize: 400, maxFrameLength: 4096, maxHeldFrames: 3);
        var destination = new byte[4096];
        var stream = new Vp8TestStream();
        foreach (var packet in stream.Frame(Vp8Frames.Keyframe(300, 1)))
        {
            assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
        }
        Assert.True(assembler.TryTakeFrame(destination, out _));
        stream.Skip();
        var deliveredAfterEachFrame = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            foreach (var packet in stream.Frame(Vp8Frames.Delta(100, 2 + i)))
            {
                assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
            }
            var delivered = 0;
            while (assembler.TryTakeFrame(destination, out _))
            {
                delivered++;
            }
            deliveredAfterEachFrame.Add(delivered);
        }
        // Held twice; the third held frame gives up on the hole, and since the lost sequence number carried no
        // frame (PictureIDs consecutive) all three come out.
        Assert.Equal(new[] { 0, 0, 3 }, deliveredAfterEachFrame);
    }

    [Fact]
    public void Packets_a_ring_length_behind_are_evicted()
    {
        var assembler = new Vp8FrameAssembler(maxPackets: 16, maxPacketDataSize: 400, maxFrameLength: 4096);
        var destination = new byte[4096];
        var stream = new Vp8TestStream();
        foreach (var packet in stream.Frame(Vp8Frames.Keyframe(100, 1)))
        {
            assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
        }
        Assert.True(assembler.TryTakeFrame(destination, out _));
        var incomplete = stream.Frame(Vp8Frames.Delta(500, 2), maxPayload: 104);
        Assert.Equal(5, incomplete.Count);
        var first = incomplete[0];
        assembler.Insert(first.SequenceNumber, first.Timestamp, first.Marker, first.Payload);
        for (var i = 0; i < 16; i++)
        {
            var padding = stream.Padding();
            Assert.Equal(Vp8InsertStatus.Accepted, assembler.Insert(padding.SequenceNumber, padding.Timestamp, false, padding.Payload).Status);
        }
        Assert.Equal(Vp8InsertStatus.TooOld, assembler.Insert(first.SequenceNumber, first.Timestamp, first.Marker, first.Payload).Status);

        // The half-received frame consumed a PictureID, so once the rest is given up on a key frame is needed.
        foreach (var packet in stream.Frame(Vp8Frames.Delta(100, 3)))
        {
            assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
        }
        assembler.SkipMissing();
        Assert.False(assembler.TryTakeFrame(destination, out _));
        Assert.True(assembler.NeedsKeyframe);
    }

    [Fact]
    public void Duplicates_late_packets_and_bad_payloads_are_classified()
    {
        var stream = new Vp8TestStream();
        var packets = stream.Frame(Vp8Frames.Keyframe(500, 1));
        InsertAll(packets);
        Assert.Equal(Vp8InsertStatus.Duplicate, Insert(packets[1]).Status);
        TakeAll();
        Assert.Equal(Vp8InsertStatus.TooOld, Insert(packets[1]).Status);

        var next = stream.Padding();
        Assert.Equal(Vp8InsertStatus.Malformed, _assembler.Insert(next.SequenceNumber, next.Timestamp, false, new byte[] { 0x80 }).Status);
        Assert.Equal(Vp8InsertStatus.Malformed, _assembler.Insert(next.SequenceNumber, next.Timestamp, false, new byte[] { 0x10 }).Status);
        Assert.Equal(Vp8InsertStatus.Malformed, _assembler.Insert(next.SequenceNumber, next.Timestamp, false, new byte[] { 0x10, 0x50, 0x9a, 0x00, 0x00 }).Status);
        Assert.Equal(Vp8InsertStatus.TooLarge, _assembler.Insert(next.SequenceNumber, next.Timestamp, false, new byte[1202]).Status);
    }

    [Fact]
    public void Frames_larger_than_the_limit_are_dropped_and_need_a_key_frame()
    {
        var assembler = new Vp8FrameAssembler(maxPackets: 64, maxPacketDataSize: 400, maxFrameLength: 1000);
        var stream = new Vp8TestStream();
        foreach (var packet in stream.Frame(Vp8Frames.Keyframe(1500, 1)))
        {
            assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
        }
        Assert.False(assembler.TryTakeFrame(new byte[1000], out _));
        Assert.True(assembler.NeedsKeyframe);
        Assert.Equal(1, assembler.FramesDropped);
    }

    [Fact]
    public void Destination_smaller_than_the_maximum_frame_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => _assembler.TryTakeFrame(new byte[100], out _));
    }

    [Fact]
    public void Reset_forgets_the_stream()
    {
        var stream = new Vp8TestStream();
        InsertAll(stream.Frame(Vp8Frames.Keyframe(500, 1)));
        _assembler.Reset();
        Assert.Empty(TakeAll());
        Assert.True(_assembler.NeedsKeyframe);
        var other = new Vp8TestStream(firstSequenceNumber: 10);
        InsertAll(other.Frame(Vp8Frames.Keyframe(500, 2)));
        Assert.Single(TakeAll());
    }
}
