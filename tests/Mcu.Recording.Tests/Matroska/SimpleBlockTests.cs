using Mcu.Recording.Matroska;

namespace Mcu.Recording.Tests.Matroska;

public sealed class SimpleBlockTests
{
    [Fact]
    public void A_keyframe_block_carries_track_relative_time_flags_and_the_frame()
    {
        var frame = new byte[] { 0x10, 0x20, 0x30 };
        var block = new byte[SimpleBlock.GetSize(frame.Length)];
        Assert.Equal(block.Length, SimpleBlock.Write(block, track: 1, relativeTimestamp: 300, keyframe: true, frame));
        Assert.Equal(new byte[] { 0xA3, 0x87, 0x81, 0x01, 0x2C, 0x80, 0x10, 0x20, 0x30 }, block);
    }

    [Fact]
    public void A_delta_block_has_no_keyframe_flag_and_may_sit_before_its_cluster_time()
    {
        var block = new byte[SimpleBlock.GetSize(1)];
        SimpleBlock.Write(block, track: 2, relativeTimestamp: -2, keyframe: false, new byte[] { 0xAA });
        Assert.Equal(new byte[] { 0xA3, 0x85, 0x82, 0xFF, 0xFE, 0x00, 0xAA }, block);
    }

    [Fact]
    public void A_large_frame_gets_a_wider_size_field()
    {
        var frame = new byte[200_000];
        Assert.Equal(1 + 3 + 4 + frame.Length, SimpleBlock.GetSize(frame.Length));
        var block = new byte[SimpleBlock.GetSize(frame.Length)];
        Assert.Equal(block.Length, SimpleBlock.Write(block, 1, 0, true, frame));
    }
}
