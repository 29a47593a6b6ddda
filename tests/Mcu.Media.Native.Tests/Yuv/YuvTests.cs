using Mcu.Media.Native.Tests.TestSupport;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;
using SkiaSharp;

namespace Mcu.Media.Native.Tests;

public class YuvTests
{
    // Values the synthetic picture never contains, nor any filter average of it.
    private static readonly YuvColor Sentinel = new(3, 5, 7);

    [Theory]
    [InlineData(ScaleFilter.None, 100, 50, 120, 90)]
    [InlineData(ScaleFilter.Linear, 100, 50, 120, 90)]
    [InlineData(ScaleFilter.Bilinear, 100, 50, 120, 90)]
    [InlineData(ScaleFilter.Box, 100, 50, 120, 90)]
    [InlineData(ScaleFilter.Box, 0, 0, 64, 36)]
    [InlineData(ScaleFilter.Bilinear, 200, 150, 120, 90)]
    [InlineData(ScaleFilter.Box, 0, 0, 320, 240)]
    public void Scale_into_a_sub_rectangle_writes_every_pixel_of_it_and_nothing_else(ScaleFilter filter, int x, int y, int width, int height)
    {
        using I420Frame source = I420Frame.Allocate(200, 150);
        SyntheticVideo.Paint(source, 5);
        using I420Frame canvas = I420Frame.Allocate(320, 240);
        FillWhole(canvas, Sentinel);
        var rect = new PixelRect(x, y, width, height);

        Yuv.Scale(source.AsView(), canvas, rect, filter);

        AssertOnlyInside(canvas, rect);
    }

    [Fact]
    public void Scale_accepts_an_odd_sized_source_such_as_a_decoded_frame()
    {
        const int width = 161;
        const int height = 91;
        byte[] y = new byte[width * height];
        byte[] u = new byte[81 * 46];
        byte[] v = new byte[81 * 46];
        y.AsSpan().Fill(120);
        u.AsSpan().Fill(100);
        v.AsSpan().Fill(140);
        using I420Frame canvas = I420Frame.Allocate(320, 180);
        FillWhole(canvas, Sentinel);
        var rect = new PixelRect(20, 10, 160, 90);

        Yuv.Scale(new I420View(y, width, u, 81, v, 81, width, height), canvas, rect, ScaleFilter.Bilinear);

        AssertOnlyInside(canvas, rect);
        Assert.Equal(120, canvas.Y[(50 * canvas.StrideY) + 100]);
        Assert.Equal(100, canvas.U[(25 * canvas.StrideUV) + 50]);
        Assert.Equal(140, canvas.V[(25 * canvas.StrideUV) + 50]);
    }

    [Fact]
    public void Scale_of_a_flat_colour_gives_exactly_that_colour()
    {
        var colour = YuvColor.FromRgb(200, 60, 30);
        using I420Frame source = I420Frame.Allocate(64, 64);
        FillWhole(source, colour);
        using I420Frame canvas = I420Frame.Allocate(128, 96);
        FillWhole(canvas, Sentinel);

        Yuv.Scale(source.AsView(), canvas, new PixelRect(10, 20, 100, 70));

        Assert.Equal(colour, PixelAt(canvas, 10, 20));
        Assert.Equal(colour, PixelAt(canvas, 109, 89));
        Assert.Equal(colour, PixelAt(canvas, 60, 50));
    }

    [Fact]
    public void Scale_of_a_cropped_view_shows_only_the_crop()
    {
        using I420Frame quadrants = Quadrants();
        using I420Frame canvas = I420Frame.Allocate(64, 64);

        // The right half (green above white) stretched over the whole canvas.
        Yuv.Scale(quadrants.AsView().Crop(new PixelRect(32, 0, 32, 64)), canvas, new PixelRect(0, 0, 64, 64));

        AssertNear(YuvColor.FromRgb(0, 255, 0), PixelAt(canvas, 4, 4));
        AssertNear(YuvColor.FromRgb(255, 255, 255), PixelAt(canvas, 4, 60));
        AssertNear(YuvColor.FromRgb(0, 255, 0), PixelAt(canvas, 60, 4));
    }

    [Fact]
    public void Copy_places_the_source_unscaled_at_the_position()
    {
        using I420Frame source = I420Frame.Allocate(64, 48);
        SyntheticVideo.Paint(source, 3);
        using I420Frame canvas = I420Frame.Allocate(160, 120);
        FillWhole(canvas, Sentinel);

        Yuv.Copy(source.AsView(), canvas, 10, 20);

        AssertOnlyInside(canvas, new PixelRect(10, 20, 64, 48));
        for (int row = 0; row < 48; row++)
        {
            Assert.True(source.Y.Slice(row * source.StrideY, 64).SequenceEqual(canvas.Y.Slice(((row + 20) * canvas.StrideY) + 10, 64)));
        }

        for (int row = 0; row < 24; row++)
        {
            Assert.True(source.U.Slice(row * source.StrideUV, 32).SequenceEqual(canvas.U.Slice(((row + 10) * canvas.StrideUV) + 5, 32)));
            Assert.True(source.V.Slice(row * source.StrideUV, 32).SequenceEqual(canvas.V.Slice(((row + 10) * canvas.StrideUV) + 5, 32)));
        }
    }

    [Fact]
    public void Fill_colours_exactly_the_rectangle()
    {
        using I420Frame canvas = I420Frame.Allocate(160, 120);
        FillWhole(canvas, Sentinel);
        var rect = new PixelRect(40, 30, 60, 50);
        var colour = new YuvColor(81, 90, 240);

        Yuv.Fill(canvas, rect, colour);

        AssertOnlyInside(canvas, rect);
        Assert.Equal(colour, PixelAt(canvas, 40, 30));
        Assert.Equal(colour, PixelAt(canvas, 99, 79));
    }

    [Theory]
    [InlineData(PackedPixelFormat.Bgra)]
    [InlineData(PackedPixelFormat.Rgba)]
    [InlineData(PackedPixelFormat.Argb)]
    public void Packed_to_i420_and_back_keeps_colours_within_a_small_tolerance(PackedPixelFormat format)
    {
        const int width = 128;
        const int height = 96;
        const int stride = (width * 4) + 16;
        byte[] original = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                WritePixel(original, (y * stride) + (x * 4), format, (byte)(20 + (x * 200 / width)), (byte)(20 + (y * 200 / height)), 128);
            }
        }

        using I420Frame frame = I420Frame.Allocate(width, height);
        Yuv.FromPacked(original, stride, format, frame);
        byte[] back = new byte[stride * height];
        Yuv.ToPacked(frame.AsView(), back, stride, format);
        using I420Frame again = I420Frame.Allocate(width, height);
        Yuv.FromPacked(back, stride, format, again);

        int worst = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width * 4; x++)
            {
                worst = Math.Max(worst, Math.Abs(original[(y * stride) + x] - back[(y * stride) + x]));
            }
        }

        Assert.True(worst <= 6, $"largest channel error {worst}");
        Assert.True(VideoQuality.Psnr(frame.AsView(), again.AsView()) > 45);
    }

    [Fact]
    public void Bgra_output_is_what_Skia_reads_as_Bgra8888()
    {
        using I420Frame frame = Quadrants();
        byte[] pixels = new byte[64 * 64 * 4];
        Yuv.ToPacked(frame.AsView(), pixels, 64 * 4, PackedPixelFormat.Bgra);

        using var bitmap = new SKBitmap();
        unsafe
        {
            fixed (byte* p = pixels)
            {
                Assert.True(bitmap.InstallPixels(new SKImageInfo(64, 64, SKColorType.Bgra8888, SKAlphaType.Unpremul), (nint)p, 64 * 4));
                AssertColour(SKColors.Red, bitmap.GetPixel(10, 10));
                AssertColour(SKColors.Lime, bitmap.GetPixel(50, 10));
                AssertColour(SKColors.Blue, bitmap.GetPixel(10, 50));
                AssertColour(SKColors.White, bitmap.GetPixel(50, 50));
            }
        }

        // In memory: B, G, R, A.
        Assert.InRange(pixels[(10 * 256) + 40], 0, 3);
        Assert.InRange(pixels[(10 * 256) + 42], 252, 255);
        Assert.Equal(255, pixels[(10 * 256) + 43]);
    }

    [Theory]
    [InlineData(PackedPixelFormat.Bgra, SKColorType.Bgra8888)]
    [InlineData(PackedPixelFormat.Rgba, SKColorType.Rgba8888)]
    public void Pixels_Skia_draws_convert_to_the_right_yuv_colours(PackedPixelFormat format, SKColorType colorType)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(64, 64, colorType, SKAlphaType.Premul));
        using (var skia = new SKCanvas(bitmap))
        {
            skia.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            skia.DrawRect(new SKRect(0, 0, 32, 32), red);
        }

        using I420Frame frame = I420Frame.Allocate(64, 64);
        Yuv.FromPacked(bitmap.GetPixelSpan(), bitmap.RowBytes, format, frame);

        AssertNear(YuvColor.FromRgb(255, 0, 0), PixelAt(frame, 10, 10));
        AssertNear(YuvColor.FromRgb(0, 0, 255), PixelAt(frame, 50, 50));
    }

    [Fact]
    public void Argb_output_puts_alpha_first_in_memory()
    {
        using I420Frame frame = Quadrants();
        byte[] pixels = new byte[64 * 64 * 4];

        Yuv.ToPacked(frame.AsView(), pixels, 64 * 4, PackedPixelFormat.Argb);

        Assert.Equal(255, pixels[(10 * 256) + 40]);
        Assert.InRange(pixels[(10 * 256) + 41], 252, 255);
        Assert.InRange(pixels[(10 * 256) + 43], 0, 3);
    }

    [Theory]
    [InlineData(-2, 0, 10, 10)]
    [InlineData(0, 0, 0, 10)]
    [InlineData(0, 0, 10, -2)]
    [InlineData(1, 0, 10, 10)]
    [InlineData(0, 3, 10, 10)]
    [InlineData(0, 0, 11, 10)]
    [InlineData(310, 0, 20, 10)]
    [InlineData(0, 232, 10, 10)]
    [InlineData(int.MaxValue - 1, 0, 10, 10)]
    public void Rectangles_outside_the_canvas_or_not_2_pixel_aligned_are_refused(int x, int y, int width, int height)
    {
        using I420Frame source = I420Frame.Allocate(16, 16);
        using I420Frame canvas = I420Frame.Allocate(320, 240);
        FillWhole(canvas, Sentinel);
        var rect = new PixelRect(x, y, width, height);

        var scale = Assert.Throws<ArgumentException>(() => Yuv.Scale(source.AsView(), canvas, rect));
        var fill = Assert.Throws<ArgumentException>(() => Yuv.Fill(canvas, rect, YuvColor.Black));

        Assert.Equal("rect", scale.ParamName);
        Assert.Contains("320x240 canvas", scale.Message, StringComparison.Ordinal);
        Assert.Contains("even", fill.Message, StringComparison.Ordinal);
        AssertOnlyInside(canvas, new PixelRect(0, 0, 0, 0));
    }

    [Fact]
    public void Copy_refuses_odd_sources_and_positions_that_do_not_fit()
    {
        byte[] plane = new byte[64 * 64];
        using I420Frame canvas = I420Frame.Allocate(64, 64);

        Assert.Throws<ArgumentException>(() => Yuv.Copy(new I420View(plane, 15, plane, 8, plane, 8, 15, 16), canvas, 0, 0));
        using I420Frame source = I420Frame.Allocate(32, 32);
        Assert.Throws<ArgumentException>(() => Yuv.Copy(source.AsView(), canvas, 40, 0));
        Assert.Throws<ArgumentException>(() => Yuv.Copy(source.AsView(), canvas, 1, 0));
    }

    [Fact]
    public void Packed_buffers_that_are_too_small_or_have_short_strides_are_refused()
    {
        using I420Frame frame = I420Frame.Allocate(64, 32);

        Assert.Contains("stride", Assert.Throws<ArgumentException>(() => Yuv.ToPacked(frame.AsView(), new byte[64 * 32 * 4], 255, PackedPixelFormat.Bgra)).Message, StringComparison.Ordinal);
        Assert.Contains("needs", Assert.Throws<ArgumentException>(() => Yuv.ToPacked(frame.AsView(), new byte[(64 * 32 * 4) - 1], 256, PackedPixelFormat.Bgra)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Yuv.FromPacked(new byte[100], 256, PackedPixelFormat.Bgra, frame));
        Assert.Throws<ArgumentException>(() => Yuv.ToPacked(frame.AsView(), new byte[64 * 32 * 4], 256, (PackedPixelFormat)9));
        Assert.Throws<ArgumentException>(() => Yuv.ToPacked(default, new byte[16], 4, PackedPixelFormat.Bgra));
    }

    [Fact]
    public void Disposed_canvas_throws_ObjectDisposedException()
    {
        using I420Frame source = I420Frame.Allocate(16, 16);
        var canvas = I420Frame.Allocate(32, 32);
        canvas.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Yuv.Scale(source.AsView(), canvas, new PixelRect(0, 0, 16, 16)));
        Assert.Throws<ObjectDisposedException>(() => Yuv.Fill(canvas, new PixelRect(0, 0, 16, 16), YuvColor.Black));
    }

    private static I420Frame Quadrants()
    {
        I420Frame frame = I420Frame.Allocate(64, 64);
        Yuv.Fill(frame, new PixelRect(0, 0, 32, 32), YuvColor.FromRgb(255, 0, 0));
        Yuv.Fill(frame, new PixelRect(32, 0, 32, 32), YuvColor.FromRgb(0, 255, 0));
        Yuv.Fill(frame, new PixelRect(0, 32, 32, 32), YuvColor.FromRgb(0, 0, 255));
        Yuv.Fill(frame, new PixelRect(32, 32, 32, 32), YuvColor.FromRgb(255, 255, 255));
        return frame;
    }

    private static void WritePixel(byte[] pixels, int at, PackedPixelFormat format, byte r, byte g, byte b)
    {
        (byte, byte, byte, byte) bytes = format switch
        {
            PackedPixelFormat.Bgra => (b, g, r, 255),
            PackedPixelFormat.Rgba => (r, g, b, 255),
            _ => (255, r, g, b),
        };
        (pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]) = bytes;
    }

    private static void FillWhole(I420Frame frame, YuvColor colour)
    {
        frame.Y.Fill(colour.Y);
        frame.U.Fill(colour.U);
        frame.V.Fill(colour.V);
    }

    private static YuvColor PixelAt(I420Frame frame, int x, int y) => new(
        frame.Y[(y * frame.StrideY) + x],
        frame.U[(y / 2 * frame.StrideUV) + (x / 2)],
        frame.V[(y / 2 * frame.StrideUV) + (x / 2)]);

    /// <summary>Every sample inside rect differs from the sentinel; every byte outside (padding included) still holds it.</summary>
    private static void AssertOnlyInside(I420Frame canvas, PixelRect rect)
    {
        AssertPlane(canvas.Y, canvas.StrideY, rect.X, rect.Y, rect.Width, rect.Height, Sentinel.Y, "Y");
        var chroma = new PixelRect(rect.X / 2, rect.Y / 2, rect.Width / 2, rect.Height / 2);
        AssertPlane(canvas.U, canvas.StrideUV, chroma.X, chroma.Y, chroma.Width, chroma.Height, Sentinel.U, "U");
        AssertPlane(canvas.V, canvas.StrideUV, chroma.X, chroma.Y, chroma.Width, chroma.Height, Sentinel.V, "V");
    }

    private static void AssertPlane(Span<byte> plane, int stride, int x0, int y0, int width, int height, byte sentinel, string name)
    {
        for (int i = 0; i < plane.Length; i++)
        {
            int x = i % stride;
            int y = i / stride;
            bool inside = x >= x0 && x < x0 + width && y >= y0 && y < y0 + height;
            if (inside == (plane[i] == sentinel))
            {
                Assert.Fail($"{name} plane at ({x}, {y}) is {plane[i]}: {(inside ? "not written" : "written outside the rectangle")}");
            }
        }
    }

    private static void AssertColour(SKColor expected, SKColor actual)
    {
        Assert.InRange(actual.Red, Math.Max(0, expected.Red - 3), Math.Min(255, expected.Red + 3));
        Assert.InRange(actual.Green, Math.Max(0, expected.Green - 3), Math.Min(255, expected.Green + 3));
        Assert.InRange(actual.Blue, Math.Max(0, expected.Blue - 3), Math.Min(255, expected.Blue + 3));
        Assert.Equal(255, actual.Alpha);
    }

    private static void AssertNear(YuvColor expected, YuvColor actual)
    {
        Assert.InRange(actual.Y, expected.Y - 2, expected.Y + 2);
        Assert.InRange(actual.U, expected.U - 2, expected.U + 2);
        Assert.InRange(actual.V, expected.V - 2, expected.V + 2);
    }
}
