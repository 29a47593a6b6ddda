using System.Buffers.Binary;
using Mcu.Media.Containers;
using Mcu.Testing.Media;

namespace Mcu.Media.Tests.Containers;

public class IvfFileTests
{
    // Ten frames of a moving pattern from ffmpeg's libvpx, keyframes at 0 and 5.
    private static readonly byte[] Clip = Ffmpeg.Vp8Ivf("testsrc=size=64x48:rate=15", frames: 10, keyframeInterval: 5);

    [Fact]
    public void Reads_the_size_and_every_frame_that_ffmpeg_wrote()
    {
        var file = IvfFile.Parse(Clip, "clip.ivf");

        Assert.Equal((64, 48), (file.Width, file.Height));
        Assert.Equal(10, file.Frames.Count);
        Assert.Equal([0, 5], Enumerable.Range(0, 10).Where(i => (file.Frames[i][0] & 1) == 0)); // the frame tag's P bit (RFC 6386 9.1)
        Assert.Equal(Clip.Length - 32, file.Frames.Sum(f => f.Length + 12));
    }

    [Fact]
    public void Reads_a_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mcu-ivf-{Guid.NewGuid():N}.ivf");
        File.WriteAllBytes(path, Clip);
        try
        {
            Assert.Equal(10, IvfFile.Read(path).Frames.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("short", "is not a VP8 IVF file")]
    [InlineData("riff", "is not a VP8 IVF file")]
    [InlineData("vp9", "is not a VP8 IVF file")]
    [InlineData("header-past-end", "bad IVF header")]
    [InlineData("zero-size", "bad IVF header")]
    [InlineData("no-frames", "holds no frames")]
    [InlineData("cut-frame", "truncated frame at byte")]
    [InlineData("cut-frame-header", "truncated frame header")]
    [InlineData("empty-frame", "truncated frame at byte")]
    [InlineData("no-keyframe-first", "does not start with a keyframe")]
    [InlineData("keyframe-without-start-code", "does not start with a keyframe")]
    [InlineData("first-frame-two-bytes", "does not start with a keyframe")]
    public void Malformed_files_are_refused_with_the_reason(string damage, string reason)
    {
        var data = Damage(damage);

        var error = Assert.Throws<InvalidDataException>(() => IvfFile.Parse(data, "bad.ivf"));

        Assert.Contains("bad.ivf", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Damage(string damage)
    {
        var data = (byte[])Clip.Clone();
        int firstFrame = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(32));
        switch (damage)
        {
            case "short": return data[..20];
            case "riff": "RIFF"u8.CopyTo(data); return data;
            case "vp9": "VP90"u8.CopyTo(data.AsSpan(8)); return data;
            case "header-past-end": BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), 60_000); return data;
            case "zero-size": BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(12), 0); return data;
            case "no-frames": return data[..32];
            case "cut-frame": return data[..^1];
            case "cut-frame-header": return data[..(32 + 12 + firstFrame + 5)];
            case "empty-frame": BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(32), 0); return data;
            case "no-keyframe-first": return [.. data[..32], .. data[(32 + 12 + firstFrame)..]];
            case "keyframe-without-start-code": data[32 + 12 + 3] = 0; return data;
            case "first-frame-two-bytes": return [.. data[..32], 2, 0, 0, 0, .. new byte[8], 0x10, 0x02];
            default: throw new ArgumentException(damage);
        }
    }
}
