using Mcu.Media.Video;

namespace Mcu.Benchmarks.Codec;

/// <summary>Writes frames as headerless yuv420p, the format ffmpeg reads with -f rawvideo.</summary>
internal static class RawVideoFile
{
    public static void Write(string path, IReadOnlyList<I420Frame> frames)
    {
        using FileStream file = File.Create(path);
        foreach (I420Frame frame in frames)
        {
            WritePlane(file, frame.Y, frame.StrideY, frame.Width, frame.Height);
            WritePlane(file, frame.U, frame.StrideUV, frame.ChromaWidth, frame.ChromaHeight);
            WritePlane(file, frame.V, frame.StrideUV, frame.ChromaWidth, frame.ChromaHeight);
        }
    }

    private static void WritePlane(FileStream file, ReadOnlySpan<byte> plane, int stride, int width, int height)
    {
        for (int y = 0; y < height; y++)
        {
            file.Write(plane.Slice(y * stride, width));
        }
    }
}
