using Mcu.Media.Native;
using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Compositor.Tests.Compositing;

public class BilinearScalerTests
{
    private static readonly YuvColor Sentinel = new(3, 5, 7);

    [Theory]
    [InlineData(640, 360, 428, 240)] // 3x3 grid tile at 720p
    [InlineData(640, 360, 426, 240)]
    [InlineData(320, 180, 428, 240)] // enlarging
    [InlineData(640, 480, 338, 190)] // close to the 2x limit
    [InlineData(641, 359, 400, 224)] // odd source sizes
    [InlineData(1000, 562, 640, 360)]
    public void Scales_like_libyuv_bilinear_and_writes_only_the_rectangle(int sw, int sh, int tw, int th)
    {
        using I420Frame source = I420Frame.Allocate(sw + (sw & 1), sh + (sh & 1));
        SyntheticVideo.Paint(source, 17);
        I420View view = source.AsView().Crop(new PixelRect(0, 0, sw, sh));
        var rect = new PixelRect(6, 4, tw, th);
        using I420Frame ours = TestFrames.Solid(tw + 16, th + 8, Sentinel);
        using I420Frame theirs = TestFrames.Solid(tw + 16, th + 8, Sentinel);
        BilinearScaler scaler = BilinearScaler.TryCreate(sw, sh, tw, th)!;
        Assert.NotNull(scaler);

        scaler.Scale(view, ours, rect, new byte[scaler.RowBufferLength]);
        Yuv.Scale(view, theirs, rect, ScaleFilter.Bilinear);

        (double meanY, int maxY) = Compare(ours.Y, theirs.Y, ours.StrideY, ours.Width, ours.Height);
        (double meanU, _) = Compare(ours.U, theirs.U, ours.StrideUV, ours.ChromaWidth, ours.ChromaHeight);
        (double meanV, _) = Compare(ours.V, theirs.V, ours.StrideUV, ours.ChromaWidth, ours.ChromaHeight);
        Assert.True(meanY < 1.5 && meanU < 1.5 && meanV < 1.5, $"mean differences Y {meanY:F2} U {meanU:F2} V {meanV:F2}");
        Assert.True(maxY <= 40, $"largest luma difference {maxY}");

        for (int y = 0; y < ours.Height; y++)
        {
            for (int x = 0; x < ours.Width; x++)
            {
                bool inside = x >= rect.X && x < rect.Right && y >= rect.Y && y < rect.Bottom;
                Assert.Equal(!inside, TestFrames.PixelAt(ours, x, y) == Sentinel);
            }
        }
    }

    [Fact]
    public void A_solid_picture_stays_exactly_solid()
    {
        var colour = new YuvColor(201, 37, 150);
        using I420Frame source = TestFrames.Solid(640, 360, colour);
        using I420Frame canvas = TestFrames.Solid(428, 240, Sentinel);
        BilinearScaler scaler = BilinearScaler.TryCreate(640, 360, 428, 240)!;

        scaler.Scale(source.AsView(), canvas, new PixelRect(0, 0, 428, 240), new byte[scaler.RowBufferLength]);

        for (int y = 0; y < 240; y++)
        {
            for (int x = 0; x < 428; x++)
            {
                Assert.Equal(colour, TestFrames.PixelAt(canvas, x, y));
            }
        }
    }

    [Fact]
    public void A_ramp_stays_a_ramp()
    {
        using I420Frame source = TestFrames.Solid(256, 64, YuvColor.Black);
        for (int y = 0; y < 64; y++)
        {
            for (int x = 0; x < 256; x++)
            {
                source.Y[(y * source.StrideY) + x] = (byte)x;
            }
        }

        using I420Frame canvas = TestFrames.Solid(160, 40, Sentinel);
        BilinearScaler scaler = BilinearScaler.TryCreate(256, 64, 160, 40)!;
        scaler.Scale(source.AsView(), canvas, new PixelRect(0, 0, 160, 40), new byte[scaler.RowBufferLength]);

        for (int x = 0; x < 160; x++)
        {
            double expected = Math.Clamp(((x + 0.5) * 256 / 160) - 0.5, 0, 255);
            Assert.InRange(canvas.Y[(20 * canvas.StrideY) + x], expected - 1, expected + 1);
        }
    }

    [Theory]
    [InlineData(640, 360, 300, 180)] // beyond 2x: 8 outputs span more than 16 inputs
    [InlineData(640, 360, 14, 8)]    // too narrow for 8-pixel chroma runs
    [InlineData(64, 64, 33, 32)]     // odd target
    public void Sizes_it_cannot_serve_are_left_to_libyuv(int sw, int sh, int tw, int th) =>
        Assert.Null(BilinearScaler.TryCreate(sw, sh, tw, th));

    [Fact]
    public void A_mismatched_call_is_refused()
    {
        using I420Frame source = TestFrames.Solid(640, 360, YuvColor.Black);
        using I420Frame canvas = TestFrames.Solid(428, 240, Sentinel);
        BilinearScaler scaler = BilinearScaler.TryCreate(640, 360, 428, 240)!;

        Assert.Throws<ArgumentException>(() => scaler.Scale(source.AsView(), canvas, new PixelRect(2, 0, 428, 240), new byte[scaler.RowBufferLength]));
        Assert.Throws<ArgumentException>(() => scaler.Scale(source.AsView(), canvas, new PixelRect(0, 0, 428, 240), new byte[10]));
    }

    private static (double Mean, int Max) Compare(Span<byte> a, Span<byte> b, int stride, int width, int height)
    {
        long sum = 0;
        int max = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int d = Math.Abs(a[(y * stride) + x] - b[(y * stride) + x]);
                sum += d;
                max = Math.Max(max, d);
            }
        }

        return (sum / (double)(width * height), max);
    }
}
