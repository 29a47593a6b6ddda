using Mcu.Compositor.Layouts;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests.Compositing;

public class LayoutPreviewTests
{
    [Fact]
    public void A_preview_is_a_png_of_the_requested_size_with_every_slot_a_placeholder()
    {
        LayoutDefinition layout = new("halves", [
            new LayoutSlot(0, 0, 0.5, 1) { Role = SlotRole.Speaker },
            new LayoutSlot(0.5, 0, 0.5, 1)], new LayoutColor(0, 0, 0));

        byte[] png = LayoutPreview.RenderPng(layout, 320, 180);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        (byte[] bgra, int width, int height) = ImageFiles.DecodePng(png)!.Value;
        Assert.Equal((320, 180), (width, height));

        // Both halves show the placeholder colour near their top, not the black background.
        YuvColor placeholder = new CompositorOptions().PlaceholderColor.ToYuv();
        foreach (int x in new[] { 80, 240 })
        {
            int i = ((10 * width) + x) * 4;
            YuvColor pixel = YuvColor.FromRgb(bgra[i + 2], bgra[i + 1], bgra[i]);
            TestFrames.AssertNear(placeholder, pixel, $"x={x}", tolerance: 4);
        }
    }

    [Fact]
    public void Odd_sizes_are_refused() =>
        Assert.Throws<ArgumentException>(() => LayoutPreview.RenderPng(new LayoutDefinition("one", [new LayoutSlot(0, 0, 1, 1)], default), 321, 180));
}
