using Mcu.Media.Video;

namespace Mcu.Media.Tests;

public class I420ViewTests
{
    [Fact]
    public void Odd_sizes_have_rounded_up_chroma_and_the_last_row_needs_no_padding()
    {
        byte[] y = new byte[(20 * 4) + 15];
        byte[] chroma = new byte[(10 * 2) + 8];

        var view = new I420View(y, 20, chroma, 10, chroma, 10, 15, 5);

        Assert.Equal((8, 3), (view.ChromaWidth, view.ChromaHeight));
        Assert.False(view.IsEmpty);
    }

    [Fact]
    public void Default_view_is_empty()
    {
        I420View view = default;

        Assert.True(view.IsEmpty);
    }

    [Fact]
    public void Stride_below_the_row_is_refused_naming_the_plane()
    {
        byte[] plane = new byte[1000];

        var error = Assert.Throws<ArgumentException>(() => new I420View(plane, 16, plane, 7, plane, 8, 16, 16));

        Assert.Equal("u", error.ParamName);
        Assert.Contains("stride", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plane_shorter_than_its_rows_is_refused_with_the_needed_length()
    {
        byte[] y = new byte[(16 * 15) + 15];
        byte[] chroma = new byte[64];

        var error = Assert.Throws<ArgumentException>(() => new I420View(y, 16, chroma, 8, chroma, 8, 16, 16));

        Assert.Equal("y", error.ParamName);
        Assert.Contains("need 256", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(16, -1)]
    [InlineData(16384, 16)]
    public void Empty_negative_or_huge_sizes_are_refused(int width, int height)
    {
        byte[] plane = new byte[64];

        Assert.Throws<ArgumentException>(() => new I420View(plane, 16, plane, 8, plane, 8, width, height));
    }

    [Fact]
    public void Crop_shows_the_pixels_of_the_rectangle_without_copying()
    {
        using I420Frame frame = I420Frame.Allocate(64, 48);
        frame.Y[(10 * frame.StrideY) + 20] = 200;
        frame.U[(5 * frame.StrideUV) + 10] = 201;
        frame.V[(23 * frame.StrideUV) + 31] = 202;

        I420View crop = frame.AsView().Crop(new PixelRect(20, 10, 44, 37));

        Assert.Equal((44, 37, 22, 19), (crop.Width, crop.Height, crop.ChromaWidth, crop.ChromaHeight));
        Assert.Equal(200, crop.Y[0]);
        Assert.Equal(201, crop.U[0]);
        Assert.Equal(202, crop.V[(18 * crop.StrideV) + 21]);
    }

    [Theory]
    [InlineData(1, 0, 10, 10)]
    [InlineData(0, 3, 10, 10)]
    [InlineData(0, 0, 0, 10)]
    [InlineData(-2, 0, 10, 10)]
    [InlineData(56, 0, 10, 10)]
    [InlineData(0, 40, 10, 10)]
    public void Crop_outside_the_image_or_at_an_odd_position_is_refused(int x, int y, int width, int height)
    {
        using I420Frame frame = I420Frame.Allocate(64, 48);

        var error = Assert.Throws<ArgumentException>(() => frame.AsView().Crop(new PixelRect(x, y, width, height)));

        Assert.Contains("64x48", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plane_extent_leaves_out_the_padding_of_the_last_row()
    {
        Assert.Equal((64 * 9) + 50, I420View.PlaneExtent(64, 10, 50));
    }
}
