using Mcu.Media.Video;

namespace Mcu.Media.Tests;

public unsafe class I420FrameTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(1280, 720)]
    [InlineData(642, 362)]
    public void Planes_and_rows_start_on_64_byte_boundaries_and_cover_the_image(int width, int height)
    {
        using I420Frame frame = I420Frame.Allocate(width, height);

        Assert.Equal((width, height, width / 2, height / 2), (frame.Width, frame.Height, frame.ChromaWidth, frame.ChromaHeight));
        Assert.Equal(0, frame.StrideY % I420Frame.Alignment);
        Assert.Equal(0, frame.StrideUV % I420Frame.Alignment);
        Assert.InRange(frame.StrideY, width, width + 63);
        Assert.InRange(frame.StrideUV, width / 2, (width / 2) + 63);
        Assert.Equal(frame.StrideY * height, frame.Y.Length);
        Assert.Equal(frame.StrideUV * height / 2, frame.U.Length);
        Assert.Equal(frame.StrideUV * height / 2, frame.V.Length);
        fixed (byte* y = frame.Y, u = frame.U, v = frame.V)
        {
            Assert.Equal(0, (long)y % 64);
            Assert.Equal(0, (long)u % 64);
            Assert.Equal(0, (long)v % 64);
            Assert.True(u >= y + frame.Y.Length && v >= u + frame.U.Length, "planes do not overlap");
        }
    }

    [Fact]
    public void View_shows_the_same_pixels()
    {
        using I420Frame frame = I420Frame.Allocate(64, 32);
        frame.Y[(3 * frame.StrideY) + 5] = 77;
        frame.U[(1 * frame.StrideUV) + 2] = 88;
        frame.V[(2 * frame.StrideUV) + 3] = 99;

        I420View view = frame.AsView();

        Assert.Equal((64, 32, frame.StrideY, frame.StrideUV, frame.StrideUV), (view.Width, view.Height, view.StrideY, view.StrideU, view.StrideV));
        Assert.Equal(77, view.Y[(3 * view.StrideY) + 5]);
        Assert.Equal(88, view.U[(1 * view.StrideU) + 2]);
        Assert.Equal(99, view.V[(2 * view.StrideV) + 3]);
    }

    [Theory]
    [InlineData(0, 720)]
    [InlineData(1280, 0)]
    [InlineData(-2, 720)]
    [InlineData(1279, 720)]
    [InlineData(1280, 719)]
    [InlineData(16384, 2)]
    public void Odd_zero_negative_or_huge_sizes_are_refused_with_the_size_in_the_message(int width, int height)
    {
        var error = Assert.Throws<ArgumentException>(() => I420Frame.Allocate(width, height));

        Assert.Contains($"{width}x{height}", error.Message, StringComparison.Ordinal);
        Assert.Contains("even", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_the_planes_then_throw_ObjectDisposedException()
    {
        I420Frame frame = I420Frame.Allocate(64, 64);
        frame.Dispose();
        frame.Dispose();

        Assert.Throws<ObjectDisposedException>(() => frame.Y.Length);
        Assert.Throws<ObjectDisposedException>(() => frame.U.Length);
        Assert.Throws<ObjectDisposedException>(() => frame.V.Length);
        Assert.Throws<ObjectDisposedException>(() => frame.AsView().Width);
        Assert.Equal(64, frame.Width);
    }
}
