using Mcu.Rtp.Vp8;

namespace Mcu.Rtp.Tests.Vp8;

public class Vp8PayloadDescriptorTests
{
    private static Vp8PayloadDescriptor Parse(string hex, out int length)
    {
        Assert.True(Vp8PayloadDescriptor.TryParse(Bytes.FromHex(hex), out var descriptor, out length));
        return descriptor;
    }

    private static void AssertRoundTrip(Vp8PayloadDescriptor descriptor, string expectedHex)
    {
        var buffer = new byte[Vp8PayloadDescriptor.MaxSize];
        Assert.True(descriptor.TryWrite(buffer, out var written));
        Assert.Equal(descriptor.GetSize(), written);
        Assert.Equal(Bytes.FromHex(expectedHex), buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void Rfc7741_4_6_1_key_frame_in_a_single_packet()
    {
        // |1|0|0|1|0|0 0 0| X=1, S=1, PID=0; |1|0|0|0|0 0 0 0| I=1; |0|0 0 1 0 0 0 1| M=0, PictureID=17
        var descriptor = Parse("90 80 11 00 00 00", out var length);
        Assert.Equal(3, length);
        Assert.True(descriptor.StartOfPartition);
        Assert.Equal(0, descriptor.PartitionIndex);
        Assert.False(descriptor.NonReference);
        Assert.True(descriptor.HasPictureId);
        Assert.False(descriptor.LongPictureId);
        Assert.Equal(17, descriptor.PictureId);
        Assert.False(descriptor.HasTl0PicIdx);
        Assert.False(descriptor.HasTemporalLayerId);
        AssertRoundTrip(descriptor, "90 80 11");
    }

    [Fact]
    public void Rfc7741_4_6_2_interframe_without_picture_id()
    {
        // |0|0|0|1|0|0 0 0| X=0, S=1, PID=0: a one-octet descriptor.
        var descriptor = Parse("10 01 00 00", out var length);
        Assert.Equal(1, length);
        Assert.True(descriptor.StartOfPartition);
        Assert.False(descriptor.HasPictureId);
        AssertRoundTrip(descriptor, "10");
    }

    [Fact]
    public void Rfc7741_4_6_3_partitions_in_separate_packets_with_long_picture_id()
    {
        // PictureID 4711 = 0x1267 with M=1: |1|0 0 1 0 0 1 0| |0 1 1 0 0 1 1 1|
        var first = Parse("90 80 92 67 00", out var firstLength);
        Assert.Equal(4, firstLength);
        Assert.True(first.LongPictureId);
        Assert.Equal(4711, first.PictureId);
        Assert.Equal(0, first.PartitionIndex);

        var second = Parse("91 80 92 67 00", out _);
        Assert.True(second.StartOfPartition);
        Assert.Equal(1, second.PartitionIndex);
        Assert.Equal(4711, second.PictureId);
        AssertRoundTrip(first, "90 80 92 67");
        AssertRoundTrip(second, "91 80 92 67");
    }

    [Fact]
    public void Rfc7741_4_6_4_continuation_fragment_has_s_clear()
    {
        // Third packet of a fragmented second partition: |1|0|0|0|0|0 0 1| X=1, S=0, PID=1.
        var continuation = Parse("81 80 92 67 00", out _);
        Assert.False(continuation.StartOfPartition);
        Assert.Equal(1, continuation.PartitionIndex);
        AssertRoundTrip(continuation, "81 80 92 67");
    }

    [Fact]
    public void All_optional_fields_round_trip()
    {
        // X=1, N=1, S=1, PID=2; I, L, T, K; PictureID 0x7FFF; TL0PICIDX 200; TID 2, Y, KEYIDX 17.
        var descriptor = Parse("b2 f0 ff ff c8 b1 00", out var length);
        Assert.Equal(6, length);
        Assert.True(descriptor.NonReference);
        Assert.Equal(2, descriptor.PartitionIndex);
        Assert.Equal(0x7FFF, descriptor.PictureId);
        Assert.Equal(200, descriptor.Tl0PicIdx);
        Assert.Equal(2, descriptor.TemporalLayerId);
        Assert.True(descriptor.LayerSync);
        Assert.Equal(17, descriptor.KeyIndex);
        AssertRoundTrip(descriptor, "b2 f0 ff ff c8 b1");
    }

    [Fact]
    public void Tid_and_keyidx_are_ignored_unless_their_flag_is_set()
    {
        var onlyT = Parse("80 20 ff", out _);
        Assert.True(onlyT.HasTemporalLayerId);
        Assert.False(onlyT.HasKeyIndex);
        Assert.Equal(3, onlyT.TemporalLayerId);
        Assert.Equal(0, onlyT.KeyIndex);

        var onlyK = Parse("80 10 ff", out _);
        Assert.False(onlyK.HasTemporalLayerId);
        Assert.Equal(0, onlyK.TemporalLayerId);
        Assert.Equal(31, onlyK.KeyIndex);
        AssertRoundTrip(onlyK, "80 10 1f");
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]          // X set, no extension octet
    [InlineData("80 80")]       // I set, no PictureID
    [InlineData("80 80 80")]    // M set, second PictureID octet missing
    [InlineData("80 40")]       // L set, no TL0PICIDX
    [InlineData("80 20")]       // T set, no TID octet
    [InlineData("80 10")]       // K set, no KEYIDX octet
    public void Truncated_descriptors_are_rejected(string hex)
    {
        Assert.False(Vp8PayloadDescriptor.TryParse(Bytes.FromHex(hex), out _, out _));
    }

    [Fact]
    public void Out_of_range_fields_are_not_written()
    {
        var buffer = new byte[8];
        Assert.False(new Vp8PayloadDescriptor { HasPictureId = true, PictureId = 0x80 }.TryWrite(buffer, out _));
        Assert.False(new Vp8PayloadDescriptor { PartitionIndex = 8 }.TryWrite(buffer, out _));
        Assert.False(new Vp8PayloadDescriptor { HasTemporalLayerId = true, TemporalLayerId = 4 }.TryWrite(buffer, out _));
        Assert.False(new Vp8PayloadDescriptor { HasKeyIndex = true, KeyIndex = 32 }.TryWrite(buffer, out _));
        Assert.False(new Vp8PayloadDescriptor { HasPictureId = true, LongPictureId = true }.TryWrite(buffer.AsSpan(0, 3), out _));
    }
}
