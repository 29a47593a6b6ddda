using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Mcu.Media.Video;

namespace Mcu.Compositor;

/// <summary>
/// Bilinear I420 scaling for one fixed source and target size, for the ratios where libyuv has
/// no fast path (e.g. 640x360 into a 426x240 grid tile), which libyuv filters column by column.
/// </summary>
/// <remarks>
/// Rows are interpolated first (vectors over the source width), then each run of 8 output pixels
/// takes its 2-tap pairs from one 16-byte load with a byte shuffle and a multiply-add (SSSE3),
/// using tables built once per size. This needs every 8 outputs to lie within 16 source bytes,
/// so horizontal shrinking must stay below 2x: larger reductions are first halved by libyuv.
/// </remarks>
internal sealed class BilinearScaler
{
    /// <summary>Extra bytes after a row so that the 16-byte load of the last run stays in the buffer.</summary>
    public const int RowPadding = 16;

    private readonly PlaneScaler _luma;
    private readonly PlaneScaler _chroma;

    private BilinearScaler(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, PlaneScaler luma, PlaneScaler chroma)
    {
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        TargetWidth = targetWidth;
        TargetHeight = targetHeight;
        _luma = luma;
        _chroma = chroma;
    }

    public int SourceWidth { get; }

    public int SourceHeight { get; }

    public int TargetWidth { get; }

    public int TargetHeight { get; }

    /// <summary>Row buffer bytes <see cref="Scale"/> needs.</summary>
    public int RowBufferLength => SourceWidth + RowPadding;

    /// <summary>Builds the tables; null when the CPU lacks SSSE3 or the sizes do not suit (then use libyuv).</summary>
    public static BilinearScaler? TryCreate(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight)
    {
        // A run writes 8 chroma bytes, so the target needs at least 16 luma columns.
        if (!Ssse3.IsSupported || targetWidth < 16 || targetHeight < 2 || sourceWidth < 2 || sourceHeight < 2
            || ((targetWidth | targetHeight) & 1) != 0)
        {
            return null;
        }

        PlaneScaler? luma = PlaneScaler.TryCreate(sourceWidth, sourceHeight, targetWidth, targetHeight);
        PlaneScaler? chroma = PlaneScaler.TryCreate((sourceWidth + 1) / 2, (sourceHeight + 1) / 2, targetWidth / 2, targetHeight / 2);
        return luma is null || chroma is null ? null : new BilinearScaler(sourceWidth, sourceHeight, targetWidth, targetHeight, luma, chroma);
    }

    /// <summary>Scales all of source (of the built size) into rect (of the built size) of the canvas.</summary>
    public void Scale(scoped in I420View source, I420Frame canvas, PixelRect rect, Span<byte> rowBuffer)
    {
        if (source.Width != SourceWidth || source.Height != SourceHeight || rect.Width != TargetWidth || rect.Height != TargetHeight
            || rowBuffer.Length < RowBufferLength || rect.X < 0 || rect.Y < 0 || rect.Right > canvas.Width || rect.Bottom > canvas.Height
            || ((rect.X | rect.Y) & 1) != 0)
        {
            ThrowHelper.ThrowArgument("The source, rectangle or buffer does not match the scaler.", nameof(source));
        }

        _luma.Scale(source.Y, source.StrideY, canvas.Y[((rect.Y * canvas.StrideY) + rect.X)..], canvas.StrideY, rowBuffer);
        int chromaOffset = (rect.Y / 2 * canvas.StrideUV) + (rect.X / 2);
        _chroma.Scale(source.U, source.StrideU, canvas.U[chromaOffset..], canvas.StrideUV, rowBuffer);
        _chroma.Scale(source.V, source.StrideV, canvas.V[chromaOffset..], canvas.StrideUV, rowBuffer);
    }

    /// <summary>The tables for one plane.</summary>
    private sealed class PlaneScaler
    {
        private const int Run = 8;

        private readonly int _sourceWidth;
        private readonly int _targetWidth;
        private readonly int[] _rows;
        private readonly int[] _rowWeights;
        private readonly int[] _runSource;
        private readonly int[] _runTarget;
        private readonly Vector128<byte>[] _runShuffles;
        private readonly Vector128<sbyte>[] _runWeights;

        private PlaneScaler(int sourceWidth, int targetWidth, int[] rows, int[] rowWeights, int[] runSource, int[] runTarget, Vector128<byte>[] runShuffles, Vector128<sbyte>[] runWeights)
        {
            _sourceWidth = sourceWidth;
            _targetWidth = targetWidth;
            _rows = rows;
            _rowWeights = rowWeights;
            _runSource = runSource;
            _runTarget = runTarget;
            _runShuffles = runShuffles;
            _runWeights = runWeights;
        }

        public static PlaneScaler? TryCreate(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight)
        {
            if (targetWidth < Run)
            {
                return null;
            }

            // Rows: weight of the lower row in 1/256ths.
            int[] rows = new int[targetHeight];
            int[] rowWeights = new int[targetHeight];
            for (int y = 0; y < targetHeight; y++)
            {
                (rows[y], rowWeights[y]) = Tap(y, sourceHeight, targetHeight, 256);
            }

            // Columns: runs of 8 at 0, 8, 16...; the last run is moved back to end at the edge
            // (overlapping its neighbour) so that no run writes past the target.
            int runs = (targetWidth + Run - 1) / Run;
            int[] runSource = new int[runs];
            int[] runTarget = new int[runs];
            var runShuffles = new Vector128<byte>[runs];
            var runWeights = new Vector128<sbyte>[runs];
            Span<byte> shuffle = stackalloc byte[16];
            Span<sbyte> weights = stackalloc sbyte[16];
            for (int r = 0; r < runs; r++)
            {
                int x0 = Math.Min(r * Run, targetWidth - Run);
                int first = Tap(x0, sourceWidth, targetWidth, 128).Index;
                for (int k = 0; k < Run; k++)
                {
                    (int index, int weight) = Tap(x0 + k, sourceWidth, targetWidth, 128);
                    int left = index - first;

                    // A pure sample cannot weigh 128 in a signed byte: average the pixel with itself.
                    int right = weight == 0 ? left : left + 1;
                    if (right > 15)
                    {
                        return null;
                    }

                    shuffle[2 * k] = (byte)left;
                    shuffle[(2 * k) + 1] = (byte)right;
                    weights[2 * k] = (sbyte)(weight == 0 ? 64 : 128 - weight);
                    weights[(2 * k) + 1] = (sbyte)(weight == 0 ? 64 : weight);
                }

                runSource[r] = first;
                runTarget[r] = x0;
                runShuffles[r] = Vector128.Create((ReadOnlySpan<byte>)shuffle);
                runWeights[r] = Vector128.Create((ReadOnlySpan<sbyte>)weights);
            }

            return new PlaneScaler(sourceWidth, targetWidth, rows, rowWeights, runSource, runTarget, runShuffles, runWeights);
        }

        public void Scale(ReadOnlySpan<byte> source, int sourceStride, Span<byte> target, int targetStride, Span<byte> row)
        {
            int width = _sourceWidth;
            Span<byte> line = row[..(width + RowPadding)];
            int[] rows = _rows;
            for (int y = 0; y < rows.Length; y++)
            {
                int index = rows[y];
                int weight = _rowWeights[y];
                ReadOnlySpan<byte> upper = source.Slice(index * sourceStride, width);
                if (weight == 0)
                {
                    upper.CopyTo(line);
                }
                else
                {
                    BlendRows(upper, source.Slice((index + 1) * sourceStride, width), weight, line);
                }

                ScaleRow(line, target.Slice(y * targetStride, _targetWidth));
            }
        }

        /// <summary>line = (upper * (256 - w) + lower * w + 128) / 256, 16 pixels at a time.</summary>
        private static void BlendRows(ReadOnlySpan<byte> upper, ReadOnlySpan<byte> lower, int weight, Span<byte> line)
        {
            var w1 = Vector128.Create((ushort)weight);
            var w0 = Vector128.Create((ushort)(256 - weight));
            var half = Vector128.Create((ushort)128);
            int x = 0;
            for (; x <= upper.Length - 16; x += 16)
            {
                Vector128<byte> a = Vector128.Create(upper.Slice(x, 16));
                Vector128<byte> b = Vector128.Create(lower.Slice(x, 16));
                (Vector128<ushort> aLow, Vector128<ushort> aHigh) = Vector128.Widen(a);
                (Vector128<ushort> bLow, Vector128<ushort> bHigh) = Vector128.Widen(b);
                Vector128<ushort> low = ((aLow * w0) + (bLow * w1) + half) >>> 8;
                Vector128<ushort> high = ((aHigh * w0) + (bHigh * w1) + half) >>> 8;
                Vector128.Narrow(low, high).CopyTo(line[x..]);
            }

            for (; x < upper.Length; x++)
            {
                line[x] = (byte)(((upper[x] * (256 - weight)) + (lower[x] * weight) + 128) >> 8);
            }
        }

        private void ScaleRow(Span<byte> line, Span<byte> target)
        {
            // Bounds were settled when the tables were built: every load lies in line (the row
            // plus padding) and every 8-byte store in target.
            ref byte source = ref MemoryMarshal.GetReference(line);
            ref byte destination = ref MemoryMarshal.GetReference(target);
            var rounding = Vector128.Create((short)64);
            int[] runSource = _runSource;
            int[] runTarget = _runTarget;
            Vector128<byte>[] shuffles = _runShuffles;
            Vector128<sbyte>[] weights = _runWeights;
            for (int r = 0; r < runSource.Length; r++)
            {
                Vector128<byte> pixels = Vector128.LoadUnsafe(ref source, (nuint)runSource[r]);
                Vector128<short> sums = Ssse3.MultiplyAddAdjacent(Ssse3.Shuffle(pixels, shuffles[r]), weights[r]);
                Vector128<byte> packed = Sse2.PackUnsignedSaturate((sums + rounding) >> 7, default);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, runTarget[r]), packed.AsUInt64().ToScalar());
            }
        }

        /// <summary>
        /// The source sample left of (or at) the centre of target pixel i, and the weight of its
        /// right neighbour in 1/scale; at the edges the nearest pixel alone.
        /// </summary>
        private static (int Index, int Weight) Tap(int i, int source, int target, int scale)
        {
            double position = Math.Clamp((((i + 0.5) * source) / target) - 0.5, 0, source - 1);
            int index = (int)position;
            int weight = (int)Math.Round((position - index) * scale);
            if (weight == scale)
            {
                index++;
                weight = 0;
            }

            return index >= source - 1 ? (source - 1, 0) : (index, weight);
        }
    }
}
