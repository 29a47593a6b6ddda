using Mcu.Compositor.Layouts;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests.Compositing;

public class SlotGeometryTests
{
    [Theory]
    [InlineData(0, 0, 0.5, 0.5, 0, 0, 640, 360)]
    [InlineData(0.5, 0.5, 0.5, 0.5, 640, 360, 640, 360)]
    [InlineData(0.333333, 0, 0.333334, 0.333333, 426, 0, 428, 240)]
    [InlineData(0.72, 0.7, 0.25, 0.25, 922, 504, 320, 180)]
    [InlineData(0.9999, 0, 0.0001, 0.0001, 1278, 0, 2, 2)]
    public void Slot_edges_are_rounded_to_even_pixels(double x, double y, double w, double h, int px, int py, int pw, int ph) =>
        Assert.Equal(new PixelRect(px, py, pw, ph), SlotGeometry.SlotRect(new LayoutSlot(x, y, w, h), 1280, 720));

    [Fact]
    public void Every_rectangle_of_every_shipped_layout_is_even_and_inside_the_canvas()
    {
        foreach (string path in Directory.GetFiles(RepoPaths.Layouts, "*.json"))
        {
            if (!LayoutParser.TryParse(Path.GetFileName(path), File.ReadAllBytes(path), out NamedLayout? layout, out _) || layout is not LayoutDefinition definition)
            {
                continue;
            }

            foreach ((int w, int h) in new[] { (1280, 720), (640, 360), (1920, 1080), (320, 240) })
            {
                foreach (LayoutSlot slot in definition.Slots)
                {
                    PixelRect r = SlotGeometry.SlotRect(slot, w, h);
                    Assert.True(((r.X | r.Y | r.Width | r.Height) & 1) == 0 && r.Width > 0 && r.Height > 0 && r.Right <= w && r.Bottom <= h, $"{definition.Name} {r} in {w}x{h}");
                }
            }
        }
    }

    [Theory]
    [InlineData(640, 360, 0, 0, 640, 360)]  // same aspect: the whole picture
    [InlineData(640, 480, 0, 60, 640, 360)] // 4:3 into 16:9: top and bottom cut
    [InlineData(360, 360, 0, 78, 360, 203)] // square into 16:9 (odd sizes are fine: only the origin must be even)
    [InlineData(1280, 360, 320, 0, 640, 360)] // very wide: the sides cut, centred
    [InlineData(17, 9, 0, 0, 16, 9)]        // odd sizes keep an even origin
    public void Cover_crops_the_centre_to_the_slots_aspect(int sw, int sh, int cx, int cy, int cw, int ch)
    {
        PixelRect crop = SlotGeometry.CoverCrop(sw, sh, new PixelRect(0, 0, 640, 360));
        Assert.Equal(new PixelRect(cx, cy, cw, ch), crop);
    }

    [Theory]
    [InlineData(640, 360, 100, 100, 640, 360)] // same aspect: the whole slot
    [InlineData(480, 360, 180, 100, 480, 360)] // 4:3: pillarbox
    [InlineData(640, 180, 100, 190, 640, 180)] // 32:9: letterbox
    [InlineData(1, 1000, 418, 100, 2, 360)]    // never narrower than a chroma sample
    public void Contain_centres_the_whole_picture(int sw, int sh, int x, int y, int w, int h) =>
        Assert.Equal(new PixelRect(x, y, w, h), SlotGeometry.ContainRect(sw, sh, new PixelRect(100, 100, 640, 360)));
}
