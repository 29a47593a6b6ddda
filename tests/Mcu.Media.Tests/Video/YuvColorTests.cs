using Mcu.Media.Video;

namespace Mcu.Media.Tests;

public class YuvColorTests
{
    [Theory]
    [InlineData(0, 0, 0, 16, 128, 128)]
    [InlineData(255, 255, 255, 235, 128, 128)]
    [InlineData(255, 0, 0, 82, 90, 240)]
    [InlineData(0, 255, 0, 144, 54, 34)]
    [InlineData(0, 0, 255, 41, 240, 110)]
    public void Rgb_converts_to_bt601_limited_range(byte r, byte g, byte b, byte y, byte u, byte v)
    {
        Assert.Equal(new YuvColor(y, u, v), YuvColor.FromRgb(r, g, b));
    }

    [Fact]
    public void Black_is_video_black()
    {
        Assert.Equal(YuvColor.FromRgb(0, 0, 0), YuvColor.Black);
    }
}
