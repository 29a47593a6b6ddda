using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class LayoutColorTests
{
    [Theory]
    [InlineData("#000000", 0, 0, 0)]
    [InlineData("#FfA510", 0xff, 0xa5, 0x10)]
    public void Colours_are_hash_and_six_hex_digits(string text, byte r, byte g, byte b)
    {
        Assert.True(LayoutColor.TryParse(text, out LayoutColor colour));
        Assert.Equal(new LayoutColor(r, g, b), colour);
        Assert.Equal(text.ToLowerInvariant(), colour.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("#fff")]
    [InlineData("ffffff")]
    [InlineData("#fffffff")]
    [InlineData("#gggggg")]
    [InlineData("#-fffff")]
    [InlineData("#+fffff")]
    [InlineData("# fffff")]
    public void Other_colour_forms_are_rejected(string text) => Assert.False(LayoutColor.TryParse(text, out _));

    [Fact]
    public void The_canvas_gets_the_bt601_equivalent() =>
        Assert.Equal(Mcu.Media.Video.YuvColor.FromRgb(16, 32, 48), new LayoutColor(16, 32, 48).ToYuv());
}
