using Mcu.Media.Synthetic;
using Mcu.Media.Video;

namespace Mcu.Media.Tests;

public class SyntheticVideoTests
{
    [Fact]
    public void Same_index_paints_the_same_picture_and_consecutive_pictures_move()
    {
        using I420Frame a = I420Frame.Allocate(320, 180);
        using I420Frame b = I420Frame.Allocate(320, 180);
        using I420Frame c = I420Frame.Allocate(320, 180);
        b.Y.Fill(1);

        SyntheticVideo.Paint(a, 7);
        SyntheticVideo.Paint(b, 7);
        SyntheticVideo.Paint(c, 8);

        Assert.True(SamePicture(a, b));
        Assert.False(SamePlane(a.Y, c.Y, a.StrideY, a.Width, a.Height));
        Assert.False(SamePlane(a.U, c.U, a.StrideUV, a.ChromaWidth, a.ChromaHeight));
    }

    // Only the visible pixels: the bytes past the width in each row are stride padding.
    private static bool SamePicture(I420Frame a, I420Frame b) =>
        SamePlane(a.Y, b.Y, a.StrideY, a.Width, a.Height)
        && SamePlane(a.U, b.U, a.StrideUV, a.ChromaWidth, a.ChromaHeight)
        && SamePlane(a.V, b.V, a.StrideUV, a.ChromaWidth, a.ChromaHeight);

    private static bool SamePlane(Span<byte> a, Span<byte> b, int stride, int width, int height)
    {
        for (int y = 0; y < height; y++)
        {
            if (!a.Slice(y * stride, width).SequenceEqual(b.Slice(y * stride, width)))
            {
                return false;
            }
        }
        return true;
    }

    [Fact]
    public void Every_visible_pixel_is_painted()
    {
        using I420Frame frame = I420Frame.Allocate(642, 362);
        frame.Y.Clear();
        frame.U.Clear();
        frame.V.Clear();

        SyntheticVideo.Paint(frame, 123);

        // The picture never uses 0: a 0 left inside the image means a pixel was skipped.
        for (int y = 0; y < frame.Height; y++)
        {
            Assert.DoesNotContain((byte)0, frame.Y.Slice(y * frame.StrideY, frame.Width).ToArray());
        }

        for (int y = 0; y < frame.ChromaHeight; y++)
        {
            Assert.DoesNotContain((byte)0, frame.U.Slice(y * frame.StrideUV, frame.ChromaWidth).ToArray());
            Assert.DoesNotContain((byte)0, frame.V.Slice(y * frame.StrideUV, frame.ChromaWidth).ToArray());
        }
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(16, 720)]
    [InlineData(1920, 1080)]
    public void Paints_any_even_size_at_any_index(int width, int height)
    {
        using I420Frame frame = I420Frame.Allocate(width, height);

        for (int i = 0; i < 2000; i += 97)
        {
            SyntheticVideo.Paint(frame, i);
        }
    }

    [Fact]
    public void Painting_allocates_nothing()
    {
        using I420Frame frame = I420Frame.Allocate(320, 180);
        SyntheticVideo.Paint(frame, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < 20; i++)
        {
            SyntheticVideo.Paint(frame, i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Negative_index_is_refused()
    {
        using I420Frame frame = I420Frame.Allocate(16, 16);

        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticVideo.Paint(frame, -1));
    }
}
