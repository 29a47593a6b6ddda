using System.Buffers.Binary;
using Mcu.Rtp.Vp8;

namespace Mcu.Media.Containers;

/// <summary>
/// The frames of a VP8 IVF file (a file header of at least 32 bytes, then a 12-byte header
/// before each frame): the container ffmpeg and vpxenc write raw VP8 into. A recorded camera
/// that a bot can loop, and the benchmark's inputs.
/// </summary>
public sealed class IvfFile
{
    private const int MinFileHeader = 32;
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

    public static IvfFile Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses a whole file; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">Not VP8 IVF, truncated, empty, or not starting with a keyframe.</exception>
    public static IvfFile Parse(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < MinFileHeader || !data[..4].SequenceEqual("DKIF"u8) || !data.Slice(8, 4).SequenceEqual("VP80"u8))
        {
            throw new InvalidDataException($"{name} is not a VP8 IVF file.");
        }

        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
        int width = BinaryPrimitives.ReadUInt16LittleEndian(data[12..]);
        int height = BinaryPrimitives.ReadUInt16LittleEndian(data[14..]);
        if (headerLength < MinFileHeader || headerLength > data.Length || width == 0 || height == 0)
        {
            throw new InvalidDataException($"{name} has a bad IVF header (header {headerLength} bytes, {width}x{height}).");
        }

        var frames = new List<byte[]>();
        int at = headerLength;
        while (at < data.Length)
        {
            if (data.Length - at < FrameHeader)
            {
                throw new InvalidDataException($"{name} has a truncated frame header at byte {at}.");
            }

            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
            at += FrameHeader;
            if (size == 0 || size > (uint)(data.Length - at))
            {
                throw new InvalidDataException($"{name} has a truncated frame at byte {at - FrameHeader}.");
            }

            frames.Add(data.Slice(at, (int)size).ToArray());
            at += (int)size;
        }

        if (frames.Count == 0)
        {
            throw new InvalidDataException($"{name} holds no frames.");
        }

        return Vp8PayloadHeader.StartsKeyframe(frames[0])
            ? new IvfFile(width, height, frames)
            : throw new InvalidDataException($"{name} does not start with a keyframe.");
    }
}
