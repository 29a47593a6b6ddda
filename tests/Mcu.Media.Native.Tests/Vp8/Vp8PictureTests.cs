using Mcu.Media.Native.Tests.TestSupport;
using Mcu.Media.Video;

namespace Mcu.Media.Native.Tests;

public class Vp8PictureTests
{
    private static readonly List<byte[]> Stream = Vp8Stream.Encode(320, 180, 8);

    [Fact]
    public void A_kept_picture_keeps_its_pixels_while_the_decoder_decodes_on()
    {
        using var decoder = new Vp8Decoder();
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
        using Vp8Picture first = decoder.KeepPicture();
        using I420Frame expected = Snapshot(first.AsView());

        for (int i = 1; i < Stream.Count; i++)
        {
            Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[i], out I420View later));
            Assert.False(VideoQuality.Identical(expected.AsView(), later)); // the synthetic picture moves every frame
        }

        Assert.Equal((320, 180), (first.Width, first.Height));
        Assert.True(VideoQuality.Identical(expected.AsView(), first.AsView()));
    }

    [Fact]
    public void A_kept_picture_shows_what_the_decode_showed_and_outlives_its_decoder()
    {
        var decoder = new Vp8Decoder();
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[1], out I420View shown));
        using I420Frame expected = Snapshot(shown);
        using Vp8Picture kept = decoder.KeepPicture();

        decoder.Dispose();

        Assert.True(VideoQuality.Identical(expected.AsView(), kept.AsView()));
    }

    [Fact]
    public void Keeping_without_a_new_picture_is_refused()
    {
        using var decoder = new Vp8Decoder();
        Assert.Throws<InvalidOperationException>(() => decoder.KeepPicture());

        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
        decoder.KeepPicture().Dispose();
        Assert.Throws<InvalidOperationException>(() => decoder.KeepPicture());

        Assert.Equal(Vp8DecodeStatus.Rejected, decoder.Decode([0x01, 0x02, 0x03], out _));
        Assert.Throws<InvalidOperationException>(() => decoder.KeepPicture());
    }

    [Fact]
    public void A_disposed_picture_refuses_its_planes_and_disposing_twice_is_harmless()
    {
        using var decoder = new Vp8Decoder();
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
        Vp8Picture picture = decoder.KeepPicture();

        picture.Dispose();
        picture.Dispose();

        Assert.Throws<ObjectDisposedException>(() => picture.AsView());
    }

    [Fact]
    public void Keeping_and_releasing_a_picture_per_frame_allocates_nothing_managed()
    {
        using var decoder = new Vp8Decoder();
        for (int i = 0; i < Stream.Count; i++)
        {
            decoder.Decode(Stream[i], out _);
            decoder.KeepPicture().Dispose();
        }

        int kept = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 20; round++)
        {
            for (int i = 0; i < Stream.Count; i++)
            {
                if (decoder.Decode(Stream[i], out _) == Vp8DecodeStatus.Decoded)
                {
                    decoder.KeepPicture().Dispose();
                    kept++;
                }
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(20 * Stream.Count, kept);
    }

    private static I420Frame Snapshot(scoped in I420View view)
    {
        I420Frame copy = I420Frame.Allocate(view.Width, view.Height);
        Yuv.Copy(view, copy, 0, 0);
        return copy;
    }
}
