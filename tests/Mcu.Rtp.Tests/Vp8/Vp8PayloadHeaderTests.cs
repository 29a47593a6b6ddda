using Mcu.Rtp.Vp8;

namespace Mcu.Rtp.Tests.Vp8;

public class Vp8PayloadHeaderTests
{
    [Fact]
    public void Key_frame_header_gives_dimensions()
    {
        // Frame tag: P=0 (key frame), VER=0, H=1, first partition size 1234 -> (1234 << 5) | 0x10 = 0x009A50.
        var frame = Bytes.FromHex("50 9a 00 9d 01 2a 80 02 e0 01 ff");
        Assert.True(Vp8PayloadHeader.TryParse(frame, out var header));
        Assert.True(header.IsKeyframe);
        Assert.True(header.ShowFrame);
        Assert.Equal(0, header.Version);
        Assert.Equal(1234, header.FirstPartitionSize);
        Assert.Equal(640, header.Width);
        Assert.Equal(480, header.Height);
        Assert.Equal(0, header.HorizontalScale);
    }

    [Fact]
    public void Scaling_bits_are_separated_from_the_dimensions()
    {
        var frame = Bytes.FromHex("50 9a 00 9d 01 2a 80 82 e0 c1");
        Assert.True(Vp8PayloadHeader.TryParse(frame, out var header));
        Assert.Equal(640, header.Width);
        Assert.Equal(480, header.Height);
        Assert.Equal(2, header.HorizontalScale);
        Assert.Equal(3, header.VerticalScale);
    }

    [Fact]
    public void Interframes_have_p_set_and_no_dimensions()
    {
        Assert.True(Vp8PayloadHeader.TryParse(Bytes.FromHex("31 00 00"), out var header));
        Assert.False(header.IsKeyframe);
        Assert.True(header.ShowFrame);
        Assert.Equal(1, header.FirstPartitionSize);
        Assert.Equal(0, header.Width);
    }

    [Theory]
    [InlineData("50 9a 00 9d 01 2a 80 02 e0 01", true)]  // key frame
    [InlineData("31 00 00", false)]                      // interframe
    [InlineData("50 9a 00 9d 01 2b 80 02 e0 01", false)] // key frame bit, bad start code
    [InlineData("50 9a", false)]                         // shorter than the frame tag
    public void Only_a_well_formed_key_frame_starts_a_stream(string hex, bool starts)
    {
        Assert.Equal(starts, Vp8PayloadHeader.StartsKeyframe(Bytes.FromHex(hex)));
    }

    [Theory]
    [InlineData("31 00")]                          // shorter than the frame tag
    [InlineData("50 9a 00 9d 01 2a 80 02 e0")]     // key frame header cut short
    [InlineData("50 9a 00 9d 01 2b 80 02 e0 01")]  // bad start code
    public void Broken_headers_are_rejected(string hex)
    {
        Assert.False(Vp8PayloadHeader.TryParse(Bytes.FromHex(hex), out _));
    }
}
