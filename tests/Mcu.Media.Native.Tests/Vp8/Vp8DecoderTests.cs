using Mcu.Media.Native.Tests.TestSupport;
using Mcu.Media.Video;

namespace Mcu.Media.Native.Tests;

public class Vp8DecoderTests
{
    private static readonly List<byte[]> Stream = Vp8Stream.Encode(320, 180, 8);

    [Fact]
    public void Clean_stream_decodes_to_pictures_of_the_encoded_size()
    {
        using var decoder = new Vp8Decoder();
        foreach (byte[] frame in Stream)
        {
            Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(frame, out I420View picture));
            Assert.Equal((320, 180), (picture.Width, picture.Height));
            Assert.True(picture.StrideY >= 320);
            Assert.Equal(I420View.PlaneExtent(picture.StrideY, 180, 320), picture.Y.Length);
        }
    }

    [Fact]
    public void Truncated_keyframe_is_rejected()
    {
        using var decoder = new Vp8Decoder();

        Vp8DecodeStatus status = decoder.Decode(Stream[0].AsSpan(0, Stream[0].Length / 2), out I420View picture);

        Assert.Equal(Vp8DecodeStatus.Rejected, status);
        Assert.True(picture.IsEmpty);
    }

    [Fact]
    public void Truncated_inter_frame_is_reported_and_later_frames_are_corrupted_until_the_next_keyframe()
    {
        using var decoder = new Vp8Decoder();
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[1], out _));

        Vp8DecodeStatus truncated = decoder.Decode(Stream[2].AsSpan(0, 10), out _);
        Vp8DecodeStatus next = decoder.Decode(Stream[3], out _);
        Vp8DecodeStatus keyframe = decoder.Decode(Stream[0], out _);

        Assert.True(truncated is Vp8DecodeStatus.Rejected or Vp8DecodeStatus.Corrupted, truncated.ToString());
        Assert.Equal(Vp8DecodeStatus.Corrupted, next);
        Assert.Equal(Vp8DecodeStatus.Decoded, keyframe);
    }

    [Theory]
    [InlineData(3)] // start code
    [InlineData(4)]
    [InlineData(5)]
    public void Bit_flip_in_the_keyframe_start_code_is_rejected(int index)
    {
        using var decoder = new Vp8Decoder();
        byte[] frame = (byte[])Stream[0].Clone();
        frame[index] ^= 0x10;

        Assert.Equal(Vp8DecodeStatus.Rejected, decoder.Decode(frame, out _));
    }

    [Fact]
    public void Bit_flip_that_inflates_the_first_partition_size_is_rejected()
    {
        using var decoder = new Vp8Decoder();
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
        byte[] frame = (byte[])Stream[1].Clone();
        frame[2] ^= 0x80; // top bit of the 19-bit first_part_size (RFC 6386 section 9.1)

        Assert.Equal(Vp8DecodeStatus.Rejected, decoder.Decode(frame, out _));
    }

    [Fact]
    public void Garbage_is_rejected_and_the_decoder_then_recovers_at_a_keyframe()
    {
        using var decoder = new Vp8Decoder();
        var random = new Random(7);
        byte[] garbage = new byte[500];
        random.NextBytes(garbage);

        Assert.Equal(Vp8DecodeStatus.Rejected, decoder.Decode(garbage, out _));
        Assert.Equal(Vp8DecodeStatus.Rejected, decoder.Decode([0x00], out _));
        Assert.Equal(Vp8DecodeStatus.Rejected, decoder.Decode([], out _));
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
    }

    [Fact]
    public void Random_and_mutated_frames_never_throw_or_crash()
    {
        using var decoder = new Vp8Decoder();
        var random = new Random(1234);
        byte[] buffer = new byte[4096];
        var seen = new HashSet<Vp8DecodeStatus>();
        for (int i = 0; i < 3000; i++)
        {
            int length;
            if (i % 3 == 0)
            {
                length = random.Next(1, 300);
                random.NextBytes(buffer.AsSpan(0, length));
            }
            else
            {
                byte[] source = Stream[random.Next(Stream.Count)];
                length = Math.Min(buffer.Length, random.Next(1, source.Length + 1));
                source.AsSpan(0, length).CopyTo(buffer);
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                }
            }

            Vp8DecodeStatus status = decoder.Decode(buffer.AsSpan(0, length), out I420View picture);
            seen.Add(status);
            if (status != Vp8DecodeStatus.Corrupted)
            {
                Assert.Equal(status == Vp8DecodeStatus.Decoded, !picture.IsEmpty);
            }
            if (i % 100 == 99)
            {
                decoder.Decode(Stream[0], out _);
            }
        }

        Assert.Contains(Vp8DecodeStatus.Rejected, seen);
        Assert.Equal(Vp8DecodeStatus.Decoded, decoder.Decode(Stream[0], out _));
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_use_after_dispose_throws_ObjectDisposedException()
    {
        var decoder = new Vp8Decoder();
        decoder.Dispose();
        decoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => decoder.Decode(Stream[0], out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Thread_count_out_of_range_is_refused(int threads)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Vp8Decoder(threads));
    }
}
