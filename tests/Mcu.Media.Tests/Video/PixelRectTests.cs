using Mcu.Media.Video;

namespace Mcu.Media.Tests;

public class PixelRectTests
{
    [Fact]
    public void Right_and_bottom_are_one_past_the_last_pixel()
    {
        var rect = new PixelRect(10, 20, 30, 40);

        Assert.Equal((40, 60), (rect.Right, rect.Bottom));
    }
}
