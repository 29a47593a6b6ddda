using Mcu.Compositor.Layouts;
using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests.Compositing;

public class VideoCompositorTests
{
    private static readonly LayoutColor Background = new(0x20, 0x40, 0x20);
    private static readonly YuvColor Red = YuvColor.FromRgb(230, 40, 40);
    private static readonly YuvColor Blue = YuvColor.FromRgb(50, 90, 230);
    private static readonly YuvColor Green = YuvColor.FromRgb(40, 200, 60);
    private static readonly YuvColor White = YuvColor.FromRgb(255, 255, 255);

    private static readonly LayoutDefinition Halves = new("halves", [
        new LayoutSlot(0, 0, 0.5, 1) { Label = false },
        new LayoutSlot(0.5, 0, 0.5, 1) { Label = false }], Background);

    [Fact]
    public void The_canvas_has_the_configured_size_and_each_slot_its_participants_colour()
    {
        using I420Frame red = TestFrames.Solid(320, 180, Red);
        using I420Frame blue = TestFrames.Solid(320, 180, Blue);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });

        I420Frame canvas = compositor.Compose(Halves, [Tile("a", red), Tile("b", blue)]);

        Assert.Same(compositor.Canvas, canvas);
        Assert.Equal((320, 180), (canvas.Width, canvas.Height));
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 80, 90), "left");
        TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, 240, 90), "right");
        Assert.Equal(2, compositor.LastRedrawnTiles);
    }

    [Fact]
    public void The_default_canvas_is_720p()
    {
        using var compositor = new VideoCompositor();
        Assert.Equal((1280, 720), (compositor.Canvas.Width, compositor.Canvas.Height));
    }

    [Fact]
    public void Cover_crops_the_picture_to_fill_the_slot()
    {
        // A square picture, red left half and blue right half, in a 16:9 slot: the sides stay,
        // the top and bottom are cropped.
        using I420Frame square = TestFrames.Halves(180, 180, Red, Blue);
        LayoutDefinition layout = new("cover", [new LayoutSlot(0, 0, 1, 1) { Label = false }], Background);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });

        I420Frame canvas = compositor.Compose(layout, [Tile("a", square)]);

        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 2, 2), "top-left");
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 2, 177), "bottom-left");
        TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, 317, 90), "right edge");
    }

    [Fact]
    public void Contain_letterboxes_with_the_background_colour()
    {
        using I420Frame square = TestFrames.Halves(180, 180, Red, Blue);
        LayoutDefinition layout = new("contain", [new LayoutSlot(0, 0, 1, 1) { Fit = SlotFit.Contain, Label = false }], Background);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });

        I420Frame canvas = compositor.Compose(layout, [Tile("a", square)]);

        // 180x180 centred in 320x180: bars of 70 pixels each side.
        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 2, 90), "left bar");
        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 68, 90), "left bar inner edge");
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 74, 90), "picture left");
        TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, 245, 90), "picture right");
        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 252, 90), "right bar");
    }

    [Fact]
    public void Contain_puts_bars_above_and_below_a_wide_picture()
    {
        using I420Frame wide = TestFrames.Solid(320, 90, Red);
        LayoutDefinition layout = new("contain", [new LayoutSlot(0, 0, 1, 1) { Fit = SlotFit.Contain, Label = false }], Background);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 160, Height = 160 });

        I420Frame canvas = compositor.Compose(layout, [Tile("a", wide)]);

        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 80, 10), "top bar");
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 80, 80), "picture");
        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 80, 150), "bottom bar");
    }

    [Fact]
    public void A_participant_without_video_gets_a_placeholder_with_their_name()
    {
        var options = new CompositorOptions { Width = 320, Height = 180 };
        using var compositor = new VideoCompositor(options);
        LayoutDefinition layout = new("one", [new LayoutSlot(0, 0, 1, 1)], Background);

        I420Frame canvas = compositor.Compose(layout, [new CompositorTile("a", "Ann", null, false)]);

        YuvColor placeholder = options.PlaceholderColor.ToYuv();
        TestFrames.AssertNear(placeholder, TestFrames.PixelAt(canvas, 10, 10), "corner");
        Assert.True(CountBrighterThan(canvas, new PixelRect(100, 60, 120, 60), placeholder.Y + 60) > 50, "the name is written in the middle");
    }

    [Fact]
    public void Empty_slots_show_the_background()
    {
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        using I420Frame red = TestFrames.Solid(160, 180, Red);

        I420Frame canvas = compositor.Compose(Halves, [Tile("a", red), default]);

        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 240, 90), "empty right half");
        Assert.Equal(1, compositor.LastRedrawnTiles);
    }

    [Fact]
    public void An_unchanged_tile_is_not_redrawn()
    {
        using I420Frame red = TestFrames.Solid(160, 180, Red);
        using I420Frame blue = TestFrames.Solid(160, 180, Blue);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        compositor.Compose(Halves, [Tile("a", red), Tile("b", blue)]);

        // The frame's pixels change but the caller says the frame did not: nothing is drawn.
        Yuv.Fill(red, new PixelRect(0, 0, 160, 180), Green);
        I420Frame canvas = compositor.Compose(Halves, [Tile("a", red, changed: false), Tile("b", blue, changed: false)]);
        Assert.Equal(0, compositor.LastRedrawnTiles);
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 80, 90), "kept");

        canvas = compositor.Compose(Halves, [Tile("a", red, changed: true), Tile("b", blue, changed: false)]);
        Assert.Equal(1, compositor.LastRedrawnTiles);
        TestFrames.AssertNear(Green, TestFrames.PixelAt(canvas, 80, 90), "redrawn");
        TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, 240, 90), "untouched");
    }

    [Fact]
    public void A_new_occupant_name_or_picture_size_redraws_the_tile()
    {
        using I420Frame red = TestFrames.Solid(160, 180, Red);
        using I420Frame smallRed = TestFrames.Solid(80, 90, Red);
        using I420Frame blue = TestFrames.Solid(160, 180, Blue);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        compositor.Compose(Halves, [Tile("a", red), Tile("b", blue)]);

        compositor.Compose(Halves, [Tile("c", red, changed: false), Tile("b", blue, changed: false)]);
        Assert.Equal(1, compositor.LastRedrawnTiles);

        compositor.Compose(Halves, [new CompositorTile("c", "Cy", red, false), Tile("b", blue, changed: false)]);
        Assert.Equal(1, compositor.LastRedrawnTiles);

        compositor.Compose(Halves, [new CompositorTile("c", "Cy", smallRed, false), Tile("b", blue, changed: false)]);
        Assert.Equal(1, compositor.LastRedrawnTiles);

        compositor.Compose(Halves, [new CompositorTile("c", "Cy", null, false), Tile("b", blue, changed: false)]);
        Assert.Equal(1, compositor.LastRedrawnTiles);
    }

    [Fact]
    public void A_slot_that_empties_is_cleared_to_the_background()
    {
        using I420Frame red = TestFrames.Solid(160, 180, Red);
        using I420Frame blue = TestFrames.Solid(160, 180, Blue);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        compositor.Compose(Halves, [Tile("a", red), Tile("b", blue)]);

        I420Frame canvas = compositor.Compose(Halves, [Tile("a", red, changed: false), default]);

        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 240, 90), "cleared");
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 80, 90), "kept");
    }

    [Fact]
    public void A_different_layout_redraws_everything()
    {
        using I420Frame red = TestFrames.Solid(160, 180, Red);
        using I420Frame blue = TestFrames.Solid(160, 180, Blue);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        compositor.Compose(Halves, [Tile("a", red), Tile("b", blue)]);
        LayoutDefinition top = new("top", [new LayoutSlot(0, 0, 1, 0.5) { Label = false }], new LayoutColor(0, 0, 0));

        I420Frame canvas = compositor.Compose(top, [Tile("a", red, changed: false)]);

        Assert.Equal(1, compositor.LastRedrawnTiles);
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 240, 40), "the new slot");
        TestFrames.AssertNear(YuvColor.FromRgb(0, 0, 0), TestFrames.PixelAt(canvas, 240, 150), "the new background where blue was");
    }

    [Fact]
    public void Higher_z_is_drawn_on_top_and_redrawn_when_the_slot_below_changes()
    {
        // The inset is listed first but has the higher z.
        LayoutDefinition pip = new("pip", [
            new LayoutSlot(0.5, 0.5, 0.5, 0.5) { Z = 1, Label = false },
            new LayoutSlot(0, 0, 1, 1) { Label = false }], Background);
        using I420Frame red = TestFrames.Solid(320, 180, Red);
        using I420Frame blue = TestFrames.Solid(320, 180, Blue);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });

        I420Frame canvas = compositor.Compose(pip, [Tile("inset", blue), Tile("main", red)]);
        TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, 240, 135), "inset");
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 80, 45), "main");

        // Only the main picture changed, but painting it covers the inset, which must follow.
        Yuv.Fill(red, new PixelRect(0, 0, 320, 180), Green);
        canvas = compositor.Compose(pip, [Tile("inset", blue, changed: false), Tile("main", red)]);
        Assert.Equal(2, compositor.LastRedrawnTiles);
        TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, 240, 135), "inset still on top");
        TestFrames.AssertNear(Green, TestFrames.PixelAt(canvas, 80, 45), "main");

        // The inset alone changing does not repaint the main picture.
        canvas = compositor.Compose(pip, [Tile("inset", blue), Tile("main", red, changed: false)]);
        Assert.Equal(1, compositor.LastRedrawnTiles);

        // An inset that empties shows the main picture again.
        canvas = compositor.Compose(pip, [default, Tile("main", red, changed: false)]);
        TestFrames.AssertNear(Green, TestFrames.PixelAt(canvas, 240, 135), "main where the inset was");
    }

    [Fact]
    public void Labels_darken_the_bottom_left_and_can_be_turned_off()
    {
        using I420Frame white = TestFrames.Solid(320, 180, White);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        LayoutDefinition labelled = new("labelled", [new LayoutSlot(0, 0, 1, 1)], Background);
        LayoutDefinition plain = new("plain", [new LayoutSlot(0, 0, 1, 1) { Label = false }], Background);
        var region = new PixelRect(0, 140, 160, 40);

        I420Frame canvas = compositor.Compose(labelled, [new CompositorTile("a", "A long display name", white, true)]);
        int dark = CountDarkerThan(canvas, region, White.Y - 60);
        Assert.True(dark > 500, $"the label box covers the bottom-left ({dark} dark pixels)");
        Assert.Equal(0, CountDarkerThan(canvas, new PixelRect(160, 0, 160, 120), White.Y - 60));

        canvas = compositor.Compose(plain, [new CompositorTile("a", "A long display name", white, true)]);
        Assert.Equal(0, CountDarkerThan(canvas, region, White.Y - 60));
    }

    [Fact]
    public void A_new_name_redraws_the_label()
    {
        using I420Frame white = TestFrames.Solid(320, 180, White);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        LayoutDefinition layout = new("labelled", [new LayoutSlot(0, 0, 1, 1)], Background);
        var region = new PixelRect(0, 140, 320, 40);

        int shortName = CountDarkerThan(compositor.Compose(layout, [new CompositorTile("a", "Al", white, true)]), region, White.Y - 60);
        int longName = CountDarkerThan(compositor.Compose(layout, [new CompositorTile("a", "Alexandra Longname-Smith", white, false)]), region, White.Y - 60);

        Assert.True(longName > shortName * 3, $"the longer name has a wider label ({shortName} -> {longName})");
    }

    [Fact]
    public void Borders_are_drawn_inside_the_slot_edge_and_round_corners_take_the_background()
    {
        LayoutDefinition layout = new("framed", [
            new LayoutSlot(0, 0, 1, 1) { Label = false, Border = new SlotBorder(4, new LayoutColor(255, 255, 255)), Radius = 24 }], Background);
        using I420Frame red = TestFrames.Solid(320, 180, Red);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });

        I420Frame canvas = compositor.Compose(layout, [Tile("a", red)]);

        TestFrames.AssertNear(White, TestFrames.PixelAt(canvas, 160, 1), "top border");
        TestFrames.AssertNear(White, TestFrames.PixelAt(canvas, 318, 90), "right border");
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 160, 8), "inside the border");
        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 1, 1), "outside the rounded corner");
        TestFrames.AssertNear(Background.ToYuv(), TestFrames.PixelAt(canvas, 318, 178), "outside the rounded corner");
        TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, 20, 20), "inside the rounded corner");
    }

    [Fact]
    public void Adjacent_slots_leave_no_gap()
    {
        LayoutDefinition thirds = new("thirds", [
            new LayoutSlot(0, 0, 0.333333, 1) { Label = false },
            new LayoutSlot(0.333333, 0, 0.333334, 1) { Label = false },
            new LayoutSlot(0.666667, 0, 0.333333, 1) { Label = false }], Background);
        using I420Frame red = TestFrames.Solid(64, 64, Red);
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 1280, Height = 720 });

        I420Frame canvas = compositor.Compose(thirds, [Tile("a", red), Tile("b", red), Tile("c", red)]);

        for (int x = 0; x < 1280; x++)
        {
            Assert.True(TestFrames.IsNear(Red, TestFrames.PixelAt(canvas, x, 360)), $"column {x}");
        }
    }

    [Theory]
    [InlineData(1920, 1080, null)] // 4:1 box halving, then bilinear
    [InlineData(1280, 720, null)]  // 2:1 box halving, then bilinear
    [InlineData(644, 364, null)]
    [InlineData(320, 180, null)]   // enlarged
    [InlineData(1280, 720, ScaleFilter.Box)]
    [InlineData(644, 364, ScaleFilter.Bilinear)]
    public void Pictures_of_any_size_land_whole_and_centred_in_their_tiles(int width, int height, ScaleFilter? filter)
    {
        // A 3x3 grid tile and a filmstrip tile of a 720p canvas.
        LayoutDefinition layout = new("mixed", [
            new LayoutSlot(0.333333, 0.333333, 0.333334, 0.333334) { Label = false },
            new LayoutSlot(0.8, 0.8, 0.2, 0.2) { Label = false }], Background);
        using I420Frame halves = TestFrames.Halves(width, height, Red, Blue);
        using var compositor = new VideoCompositor(new CompositorOptions { Filter = filter });

        I420Frame canvas = compositor.Compose(layout, [Tile("a", halves), Tile("b", halves)]);

        foreach (LayoutSlot slot in layout.Slots)
        {
            PixelRect rect = SlotGeometry.SlotRect(slot, 1280, 720);
            int middle = rect.Y + (rect.Height / 2);
            TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, rect.X + 1, middle), $"{rect} left edge");
            TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, rect.X + (rect.Width / 2) - 4, middle), $"{rect} left of centre");
            TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, rect.X + (rect.Width / 2) + 4, middle), $"{rect} right of centre");
            TestFrames.AssertNear(Blue, TestFrames.PixelAt(canvas, rect.Right - 2, rect.Bottom - 2), $"{rect} bottom-right");
            TestFrames.AssertNear(Red, TestFrames.PixelAt(canvas, rect.X, rect.Y), $"{rect} top-left");
        }
    }

    [Fact]
    public void The_tile_count_must_match_the_slots()
    {
        using var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        Assert.Throws<ArgumentException>(() => compositor.Compose(Halves, [default]));
    }

    [Fact]
    public void A_disposed_compositor_refuses_work()
    {
        var compositor = new VideoCompositor(new CompositorOptions { Width = 320, Height = 180 });
        compositor.Dispose();
        compositor.Dispose();
        Assert.Throws<ObjectDisposedException>(() => compositor.Compose(Halves, [default, default]));
        Assert.Throws<ObjectDisposedException>(() => compositor.Canvas);
    }

    [Fact]
    public void Composing_allocates_nothing_in_steady_state()
    {
        // Nine labelled tiles changing every frame, one placeholder, one empty slot.
        string path = Path.Combine(RepoPaths.Layouts, "grid-3x3.json");
        Assert.True(LayoutParser.TryParse("grid-3x3.json", File.ReadAllBytes(path), out NamedLayout? parsed, out _));
        var layout = (LayoutDefinition)parsed;
        using var scene = new TestScene(8, withoutVideo: 3);
        int[] slots = new int[9];
        CompositorTile[] tiles = scene.Tiles(layout, speaker: 0, slots);
        using var compositor = new VideoCompositor();
        for (int i = 0; i < 5; i++)
        {
            compositor.Compose(layout, tiles);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            compositor.Compose(layout, tiles);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(7, compositor.LastRedrawnTiles);
    }

    private static CompositorTile Tile(string id, I420Frame frame, bool changed = true) => new(id, null, frame, changed);

    private static int CountDarkerThan(I420Frame canvas, PixelRect region, int luma)
    {
        int count = 0;
        for (int y = region.Y; y < region.Bottom; y++)
        {
            for (int x = region.X; x < region.Right; x++)
            {
                count += canvas.Y[(y * canvas.StrideY) + x] < luma ? 1 : 0;
            }
        }

        return count;
    }

    private static int CountBrighterThan(I420Frame canvas, PixelRect region, int luma)
    {
        int count = 0;
        for (int y = region.Y; y < region.Bottom; y++)
        {
            for (int x = region.X; x < region.Right; x++)
            {
                count += canvas.Y[(y * canvas.StrideY) + x] > luma ? 1 : 0;
            }
        }

        return count;
    }
}
