using Mcu.Compositor.Layouts;
using SkiaSharp;

namespace Mcu.Compositor.Tests.Compositing;

public class TilePainterTests
{
    private static readonly LayoutColor Background = new(0x10, 0x20, 0x30);

    [Fact]
    public void Decorations_leave_the_picture_transparent()
    {
        var slot = new LayoutSlot(0, 0, 1, 1) { Border = new SlotBorder(4, new LayoutColor(255, 0, 0)), Radius = 20 };
        using SKBitmap bitmap = TilePainter.PaintDecorations(200, 100, slot, Background, label: null);

        Assert.Equal(0, bitmap.GetPixel(100, 50).Alpha);
        Assert.Equal(new SKColor(255, 0, 0), bitmap.GetPixel(100, 1));
        Assert.Equal(new SKColor(0x10, 0x20, 0x30), bitmap.GetPixel(0, 0));
        Assert.Equal(new SKColor(0x10, 0x20, 0x30), bitmap.GetPixel(199, 99));
    }

    [Fact]
    public void A_long_name_is_shortened_to_fit_inside_the_tile()
    {
        var slot = new LayoutSlot(0, 0, 1, 1);
        using SKBitmap bitmap = TilePainter.PaintDecorations(200, 120, slot, Background, new string('W', 200));

        int right = -1;
        for (int y = 0; y < 120; y++)
        {
            for (int x = 0; x < 200; x++)
            {
                if (bitmap.GetPixel(x, y).Alpha != 0)
                {
                    right = Math.Max(right, x);
                }
            }
        }

        Assert.InRange(right, 100, 195);
        Assert.NotEqual(0, bitmap.GetPixel(8, 110).Alpha);
    }

    [Fact]
    public void A_placeholder_is_opaque_with_the_name_in_the_middle()
    {
        using SKBitmap bitmap = TilePainter.PaintPlaceholder(320, 180, new LayoutColor(40, 40, 40), "Ann");

        int light = 0;
        for (int y = 0; y < 180; y++)
        {
            for (int x = 0; x < 320; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                Assert.Equal(255, pixel.Alpha);
                bool nearMiddle = Math.Abs(x - 160) < 60 && Math.Abs(y - 90) < 30;
                if (pixel.Red > 150)
                {
                    Assert.True(nearMiddle, $"text at ({x}, {y})");
                    light++;
                }
            }
        }

        Assert.True(light > 50, "the name is drawn");
    }

    [Fact]
    public void The_label_font_is_dejavu_sans_when_installed()
    {
        string expected = File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") ? "DejaVu Sans" : SKTypeface.Default.FamilyName;
        Assert.Equal(expected, TilePainter.Typeface.FamilyName);
    }
}
