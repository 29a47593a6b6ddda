using Mcu.Client.Receiving;
using Mcu.Media.Video;

namespace Mcu.Client.Tests.Receiving;

public class PictureSamplerTests
{
    [Fact]
    public void Samples_the_colour_where_asked()
    {
        using var picture = I420Frame.Allocate(64, 32);
        var left = new YuvColor(81, 90, 240);
        var right = new YuvColor(41, 240, 110);
        for (var row = 0; row < 32; row++)
        {
            picture.Y.Slice(row * picture.StrideY, 32).Fill(left.Y);
            picture.Y.Slice((row * picture.StrideY) + 32, 32).Fill(right.Y);
        }
        for (var row = 0; row < 16; row++)
        {
            picture.U.Slice(row * picture.StrideUV, 16).Fill(left.U);
            picture.U.Slice((row * picture.StrideUV) + 16, 16).Fill(right.U);
            picture.V.Slice(row * picture.StrideUV, 16).Fill(left.V);
            picture.V.Slice((row * picture.StrideUV) + 16, 16).Fill(right.V);
        }

        Assert.Equal(left, PictureSampler.Sample(picture.AsView(), 0.25, 0.5));
        Assert.Equal(right, PictureSampler.Sample(picture.AsView(), 0.75, 0.5));
    }

    [Fact]
    public void Packs_a_colour_into_one_int() =>
        Assert.Equal(0x0A0B0C, PictureSampler.Pack(new YuvColor(10, 11, 12)));

    [Fact]
    public void Points_at_the_edge_stay_inside_the_picture()
    {
        using var picture = I420Frame.Allocate(16, 16);
        picture.Y.Fill(50);
        picture.U.Fill(60);
        picture.V.Fill(70);

        Assert.Equal(new YuvColor(50, 60, 70), PictureSampler.Sample(picture.AsView(), 1.0, 0.0));
    }
}
