using System.Buffers.Binary;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// The frames of an IVF file (a 32-byte file header, then a 12-byte header before each frame):
/// the container ffmpeg writes raw VP8 into, read the same way by the native reference.
/// </summary>
internal sealed class IvfFile
{
    private const int FileHeader = 32;
    private const int FrameHeader = 12;

    private IvfFile(int width, int height, List<byte[]> frames)
    {
        Width = width;
        Height = height;
        Frames = frames;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The encoded frames in order; the first is a keyframe.</summary>
    public IReadOnlyList<byte[]> Frames { get; }

    public static IvfFile Read(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        if (data.Length < FileHeader || !data.AsSpan(0, 4).SequenceEqual("DKIF"u8) || !data.AsSpan(8, 4).SequenceEqual("VP80"u8))
        {
            throw new InvalidDataException($"{path} is not a VP8 IVF file.");
        }

        int width = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(12));
        int height = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(14));
        var frames = new List<byte[]>();
        int at = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(6));
        while (at + FrameHeader <= data.Length)
        {
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));
            at += FrameHeader;
            if (size == 0 || size > (uint)(data.Length - at))
            {
                throw new InvalidDataException($"{path} has a truncated frame at byte {at - FrameHeader}.");
            }

            frames.Add(data.AsSpan(at, (int)size).ToArray());
            at += (int)size;
        }

        return frames.Count > 0 ? new IvfFile(width, height, frames) : throw new InvalidDataException($"{path} holds no frames.");
    }
}
