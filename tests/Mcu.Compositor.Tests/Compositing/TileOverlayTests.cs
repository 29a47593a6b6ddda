using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests.Compositing;

public class TileOverlayTests
{
    [Fact]
    public void A_transparent_image_makes_no_overlay()
    {
        byte[] bgra = new byte[8 * 4 * 4];
        Assert.Null(TileOverlay.FromPremultipliedBgra(bgra, 8 * 4, 8, 4));
    }

    [Fact]
    public void Opaque_pixels_replace_and_transparent_pixels_keep_the_canvas()
    {
        // 4x2 image: left 2x2 block opaque white, right block transparent.
        byte[] bgra = new byte[4 * 2 * 4];
        foreach (int x in new[] { 0, 1 })
        {
            foreach (int y in new[] { 0, 1 })
            {
                bgra.AsSpan(((y * 4) + x) * 4, 4).Fill(255);
            }
        }

        TileOverlay overlay = TileOverlay.FromPremultipliedBgra(bgra, 16, 4, 2)!;
        Assert.Equal(4, overlay.CoveredPixels);
        using I420Frame canvas = TestFrames.Solid(8, 4, YuvColor.Black);

        overlay.BlendOnto(canvas, 2, 2);

        YuvColor white = YuvColor.FromRgb(255, 255, 255);
        Assert.Equal(white, TestFrames.PixelAt(canvas, 2, 2));
        Assert.Equal(white, TestFrames.PixelAt(canvas, 3, 3));
        Assert.Equal(YuvColor.Black, TestFrames.PixelAt(canvas, 4, 2));
        Assert.Equal(YuvColor.Black, TestFrames.PixelAt(canvas, 0, 0));
    }

    [Fact]
    public void Half_transparent_pixels_blend_halfway()
    {
        // Premultiplied 50% red everywhere.
        byte[] bgra = new byte[2 * 2 * 4];
        for (int i = 0; i < 4; i++)
        {
            bgra[(i * 4) + 2] = 128;
            bgra[(i * 4) + 3] = 128;
        }

        TileOverlay overlay = TileOverlay.FromPremultipliedBgra(bgra, 8, 2, 2)!;
        using I420Frame canvas = TestFrames.Solid(2, 2, YuvColor.FromRgb(0, 0, 255));

        overlay.BlendOnto(canvas, 0, 0);

        YuvColor red = YuvColor.FromRgb(255, 0, 0);
        YuvColor blue = YuvColor.FromRgb(0, 0, 255);
        YuvColor actual = TestFrames.PixelAt(canvas, 1, 1);
        TestFrames.AssertNear(new YuvColor((byte)((red.Y + blue.Y + 1) / 2), (byte)((red.U + blue.U + 1) / 2), (byte)((red.V + blue.V + 1) / 2)), actual, "halfway", tolerance: 1);
    }

    [Fact]
    public void Long_runs_of_varying_alpha_blend_each_pixel_exactly()
    {
        // 40 translucent pixels per row: vector lanes and the scalar tail must agree with the formula.
        const int Width = 40;
        byte[] bgra = new byte[Width * 2 * 4];
        for (int x = 0; x < Width; x++)
        {
            byte alpha = (byte)(5 + (x * 6));
            for (int y = 0; y < 2; y++)
            {
                int i = ((y * Width) + x) * 4;
                bgra[i] = bgra[i + 1] = bgra[i + 2] = alpha; // premultiplied white
                bgra[i + 3] = alpha;
            }
        }

        TileOverlay overlay = TileOverlay.FromPremultipliedBgra(bgra, Width * 4, Width, 2)!;
        YuvColor under = new(40, 100, 160);
        using I420Frame canvas = TestFrames.Solid(Width, 2, under);

        overlay.BlendOnto(canvas, 0, 0);

        byte white = YuvColor.FromRgb(255, 255, 255).Y;
        for (int x = 0; x < Width; x++)
        {
            int alpha = 5 + (x * 6);
            int expected = (int)Math.Round(((white * alpha) + (under.Y * (255 - alpha))) / 255.0);
            Assert.Equal(expected, canvas.Y[x]);
        }
    }

    [Fact]
    public void Chroma_of_a_partly_covered_block_is_the_covered_pixels_colour()
    {
        // One opaque red pixel in a 2x2 block: the chroma sample is red's at quarter strength,
        // not red mixed with the transparent pixels' black.
        byte[] bgra = new byte[2 * 2 * 4];
        bgra[2] = 255;
        bgra[3] = 255;
        TileOverlay overlay = TileOverlay.FromPremultipliedBgra(bgra, 8, 2, 2)!;
        YuvColor grey = YuvColor.FromRgb(128, 128, 128);
        using I420Frame canvas = TestFrames.Solid(2, 2, grey);

        overlay.BlendOnto(canvas, 0, 0);

        YuvColor red = YuvColor.FromRgb(255, 0, 0);
        Assert.Equal(red.Y, TestFrames.PixelAt(canvas, 0, 0).Y);
        Assert.Equal(grey.Y, TestFrames.PixelAt(canvas, 1, 1).Y);
        int expectedV = grey.V + (int)Math.Round((red.V - grey.V) * (64 / 255.0));
        Assert.InRange(TestFrames.PixelAt(canvas, 0, 0).V, expectedV - 1, expectedV + 1);
    }

    [Fact]
    public void Blending_over_frames_painted_by_libyuv_stays_in_the_rectangle()
    {
        byte[] bgra = new byte[6 * 4 * 4];
        bgra.AsSpan().Fill(255);
        TileOverlay overlay = TileOverlay.FromPremultipliedBgra(bgra, 24, 6, 4)!;
        using I420Frame canvas = TestFrames.Solid(10, 8, YuvColor.Black);

        overlay.BlendOnto(canvas, 4, 4);

        for (int y = 0; y < 8; y++)
        {
            for (int x = 0; x < 10; x++)
            {
                bool inside = x >= 4 && y >= 4;
                Assert.Equal(inside ? YuvColor.FromRgb(255, 255, 255) : YuvColor.Black, TestFrames.PixelAt(canvas, x, y));
            }
        }

        Yuv.Fill(canvas, new PixelRect(0, 0, 10, 8), YuvColor.Black);
    }
}
