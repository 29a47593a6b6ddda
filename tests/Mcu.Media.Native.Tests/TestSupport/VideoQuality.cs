using Mcu.Media.Video;

namespace Mcu.Media.Native.Tests.TestSupport;

/// <summary>Picture comparisons for codec tests.</summary>
internal static class VideoQuality
{
    /// <summary>PSNR in dB over all Y, U and V samples of two same-sized images.</summary>
    public static double Psnr(scoped in I420View expected, scoped in I420View actual)
    {
        long squared = SquaredError(expected, actual);
        long samples = ((long)expected.Width * expected.Height) + (2L * expected.ChromaWidth * expected.ChromaHeight);
        double mse = (double)squared / samples;
        return mse == 0 ? 100 : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>Whether two same-sized images hold the same Y, U and V samples.</summary>
    public static bool Identical(scoped in I420View expected, scoped in I420View actual) => SquaredError(expected, actual) == 0;

    private static long SquaredError(scoped in I420View expected, scoped in I420View actual)
    {
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.Height, actual.Height);
        return SumSquaredError(expected.Y, expected.StrideY, actual.Y, actual.StrideY, expected.Width, expected.Height)
            + SumSquaredError(expected.U, expected.StrideU, actual.U, actual.StrideU, expected.ChromaWidth, expected.ChromaHeight)
            + SumSquaredError(expected.V, expected.StrideV, actual.V, actual.StrideV, expected.ChromaWidth, expected.ChromaHeight);
    }

    private static long SumSquaredError(ReadOnlySpan<byte> a, int strideA, ReadOnlySpan<byte> b, int strideB, int width, int height)
    {
        long sum = 0;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> rowA = a.Slice(y * strideA, width);
            ReadOnlySpan<byte> rowB = b.Slice(y * strideB, width);
            for (int x = 0; x < width; x++)
            {
                int d = rowA[x] - rowB[x];
                sum += d * d;
            }
        }

        return sum;
    }
}
