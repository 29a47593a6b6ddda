using Mcu.Media.Video;

namespace Mcu.Media.Synthetic;

/// <summary>
/// Paints a deterministic moving test picture (scrolling gradients, moving bars and a textured
/// block) into an I420 frame without allocating: the shared input of codec tests, benchmarks
/// and placeholder video.
/// </summary>
/// <remarks>
/// The picture moves every frame in ways a motion search can follow, with enough texture that a
/// realtime VP8 encoder spends a camera-like budget (about 1.4 Mbit/s at 720p30 with quality to
/// spare). Rows are painted with span copies and fills, so painting costs far less than encoding.
/// </remarks>
public static class SyntheticVideo
{
    private const int Period = 512;
    private const int CheckerShift = 3;

    // Triangle waves (0..255..0 over 512 samples) scaled to each plane's range, stored twice so
    // that any 512-sample window starting inside the first period is one contiguous span.
    private static readonly byte[] LumaRamp = Ramp(40, 3, 4);
    private static readonly byte[] ChromaRamp = Ramp(68, 15, 32);

    /// <summary>Paints picture number <paramref name="frameIndex"/> into every pixel of <paramref name="frame"/>.</summary>
    public static void Paint(I420Frame frame, int frameIndex)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        Block block = Block.At(frame.Width, frame.Height, frameIndex);
        PaintLuma(frame.Y, frame.StrideY, frame.Width, frame.Height, frameIndex, block);
        PaintChroma(frame.U, frame.V, frame.StrideUV, frame.ChromaWidth, frame.ChromaHeight, frameIndex, block);
    }

    private static void PaintLuma(Span<byte> plane, int stride, int width, int height, int t, Block block)
    {
        int barWidth = Math.Max(2, width / 16);
        int barShift = t * 4;
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = plane.Slice(y * stride, width);
            FillRamp(row, LumaRamp, (y / 2) + (t * 2));
            if (y < height / 2)
            {
                PaintBars(row, barWidth, barShift);
            }

            if (y >= block.Y && y < block.Y + block.Size)
            {
                PaintBlockRow(row, block, y - block.Y);
            }
        }
    }

    /// <summary>Every odd bar of a bar pattern scrolling left, alternately light and dark.</summary>
    private static void PaintBars(Span<byte> row, int barWidth, int shift)
    {
        int first = shift / barWidth;
        for (int bar = first; ; bar++)
        {
            int start = (bar * barWidth) - shift;
            if (start >= row.Length)
            {
                return;
            }

            if ((bar & 1) == 1)
            {
                int from = Math.Max(0, start);
                int to = Math.Min(row.Length, start + barWidth);
                row[from..to].Fill(bar % 4 == 1 ? (byte)210 : (byte)70);
            }
        }
    }

    /// <summary>A checkerboard with fine noise, fixed to the block so that it moves with it.</summary>
    private static void PaintBlockRow(Span<byte> row, Block block, int by)
    {
        int from = Math.Max(0, block.X);
        int to = Math.Min(row.Length, block.X + block.Size);
        for (int x = from; x < to; x++)
        {
            int bx = x - block.X;
            int value = (((bx >> CheckerShift) ^ (by >> CheckerShift)) & 1) == 0 ? 60 : 190;
            row[x] = (byte)(value + Noise(bx, by));
        }
    }

    private static void PaintChroma(Span<byte> uPlane, Span<byte> vPlane, int stride, int width, int height, int t, Block block)
    {
        for (int y = 0; y < height; y++)
        {
            Span<byte> uRow = uPlane.Slice(y * stride, width);
            Span<byte> vRow = vPlane.Slice(y * stride, width);
            FillRamp(uRow, ChromaRamp, t);
            vRow.Fill(ChromaRamp[((y * 3) - t) & (Period - 1)]);
            int lumaY = y * 2;
            if (lumaY >= block.Y && lumaY < block.Y + block.Size)
            {
                int from = Math.Max(0, (block.X + 1) / 2);
                int to = Math.Min(width, (block.X + block.Size) / 2);
                for (int x = from; x < to; x++)
                {
                    uRow[x] = (byte)(200 - (Noise(x, y) * 2));
                }

                if (to > from)
                {
                    vRow[from..to].Fill(90);
                }
            }
        }
    }

    /// <summary>row[x] = ramp[(x + phase) mod 512], copied in runs.</summary>
    private static void FillRamp(Span<byte> row, byte[] ramp, int phase)
    {
        int offset = phase & (Period - 1);
        for (int x = 0; x < row.Length; x += Period)
        {
            int count = Math.Min(Period, row.Length - x);
            ramp.AsSpan(offset, count).CopyTo(row.Slice(x, count));
        }
    }

    private static byte[] Ramp(int baseValue, int numerator, int denominator)
    {
        byte[] ramp = new byte[Period * 2];
        for (int i = 0; i < ramp.Length; i++)
        {
            int p = i & (Period - 1);
            int triangle = p < 256 ? p : Period - 1 - p;
            ramp[i] = (byte)(baseValue + (triangle * numerator / denominator));
        }

        return ramp;
    }

    /// <summary>Fine texture 0..15.</summary>
    private static int Noise(int x, int y) => (int)((uint)((x * 73856093) ^ (y * 19349663)) * 0x9E3779B1u >> 28);

    /// <summary>The textured square: drifts right across the frame and bounces vertically.</summary>
    private readonly record struct Block(int X, int Y, int Size)
    {
        public static Block At(int width, int height, int t)
        {
            int size = Math.Max(2, Math.Min(width, height) / 3);
            int travelX = width + size;
            int x = (t * 6 % travelX) - size;
            int travelY = Math.Max(1, height - size);
            int phase = t * 3 % (2 * travelY);
            int y = phase < travelY ? phase : (2 * travelY) - phase;
            return new Block(x, y, size);
        }
    }
}
