using Mcu.Rtp.Vp8;

namespace Mcu.Rtp.Tests.Vp8;

public class Vp8PacketizerTests
{
    private static List<byte[]> Packetize(Vp8Packetizer packetizer, byte[] frame, int maxPayload, out List<bool> lastFlags)
    {
        Assert.True(packetizer.TryPacketize(frame, maxPayload, out var payloads));
        var result = new List<byte[]>();
        lastFlags = new List<bool>();
        var buffer = new byte[maxPayload];
        while (payloads.TryWriteNext(buffer, out var written, out var isLast))
        {
            Assert.InRange(written, 1, maxPayload);
            result.Add(buffer.AsSpan(0, written).ToArray());
            lastFlags.Add(isLast);
        }
        Assert.True(payloads.IsComplete);
        Assert.Equal(payloads.PacketCount, result.Count);
        return result;
    }

    [Fact]
    public void A_frame_splits_into_balanced_packets_that_concatenate_back()
    {
        var frame = Vp8Frames.Keyframe(5000, seed: 1);
        var payloads = Packetize(new Vp8Packetizer(initialPictureId: 4711), frame, 1200, out var lastFlags);

        Assert.Equal(5, payloads.Count);
        Assert.All(payloads, p => Assert.Equal(1004, p.Length));
        Assert.Equal(new[] { false, false, false, false, true }, lastFlags);

        var data = new List<byte>();
        for (var i = 0; i < payloads.Count; i++)
        {
            Assert.True(Vp8PayloadDescriptor.TryParse(payloads[i], out var descriptor, out var length));
            Assert.Equal(Vp8Packetizer.DescriptorSize, length);
            Assert.Equal(i == 0, descriptor.StartOfPartition);
            Assert.Equal(0, descriptor.PartitionIndex);
            Assert.True(descriptor.LongPictureId);
            Assert.Equal(4711, descriptor.PictureId);
            data.AddRange(payloads[i].AsSpan(length).ToArray());
        }
        Assert.Equal(frame, data.ToArray());
    }

    [Fact]
    public void Uneven_sizes_differ_by_at_most_one_byte()
    {
        var payloads = Packetize(new Vp8Packetizer(), Vp8Frames.Delta(2404, 2), 1000, out _);
        Assert.Equal(new[] { 802, 801, 801 }, payloads.Select(p => p.Length - Vp8Packetizer.DescriptorSize).ToArray());
    }

    [Fact]
    public void A_small_frame_is_one_packet_with_s_and_marker()
    {
        var payloads = Packetize(new Vp8Packetizer(), Vp8Frames.Delta(10, 3), 1200, out var lastFlags);
        Assert.Single(payloads);
        Assert.True(lastFlags[0]);
        Assert.Equal(14, payloads[0].Length);
    }

    [Fact]
    public void Picture_id_increments_per_frame_and_wraps_at_15_bits()
    {
        var packetizer = new Vp8Packetizer(initialPictureId: 0x7FFE);
        Assert.True(packetizer.TryPacketize(new byte[] { 0x31, 0, 0 }, 100, out var first));
        Assert.True(packetizer.TryPacketize(new byte[] { 0x31, 0, 0 }, 100, out var second));
        Assert.True(packetizer.TryPacketize(new byte[] { 0x31, 0, 0 }, 100, out var third));
        Assert.Equal(0x7FFE, first.PictureId);
        Assert.Equal(0x7FFF, second.PictureId);
        Assert.Equal(0, third.PictureId);
        Assert.Equal(1, packetizer.NextPictureId);
    }

    [Fact]
    public void Whole_rtp_packets_carry_the_marker_on_the_last_packet_only()
    {
        var frame = Vp8Frames.Delta(2500, 4);
        Assert.True(new Vp8Packetizer().TryPacketize(frame, 1000, out var payloads));
        var buffer = new byte[1012];
        var markers = new List<bool>();
        var data = new List<byte>();
        ushort sequenceNumber = 10;
        while (payloads.TryWriteNextPacket(buffer, new RtpHeader(96, sequenceNumber++, 3000, 5, Marker: true), out var written))
        {
            Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var packet));
            markers.Add(packet.Marker);
            Assert.True(Vp8PayloadDescriptor.TryParse(packet.Payload, out _, out var descriptorLength));
            data.AddRange(packet.Payload[descriptorLength..].ToArray());
        }
        Assert.Equal(new[] { false, false, true }, markers);
        Assert.Equal(frame, data.ToArray());
        Assert.False(payloads.NextIsLast);
    }

    [Fact]
    public void Empty_frames_tiny_limits_and_small_buffers_are_refused()
    {
        var packetizer = new Vp8Packetizer();
        Assert.False(packetizer.TryPacketize(ReadOnlySpan<byte>.Empty, 1200, out _));
        Assert.False(packetizer.TryPacketize(new byte[10], Vp8Packetizer.DescriptorSize, out _));
        Assert.Equal(0, packetizer.NextPictureId);

        Assert.True(packetizer.TryPacketize(new byte[10], 1200, out var payloads));
        Assert.False(payloads.TryWriteNext(new byte[13], out _, out _));
        Assert.True(payloads.TryWriteNext(new byte[14], out _, out var isLast));
        Assert.True(isLast);
        Assert.False(payloads.TryWriteNext(new byte[14], out _, out _));
    }
}
