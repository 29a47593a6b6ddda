using System.Runtime.Intrinsics;
using Mcu.Media.Video;

namespace Mcu.Compositor;

/// <summary>
/// A tile's decorations (label, border, rounded-off corners) converted once from Skia's
/// premultiplied BGRA into Y'CbCr with alpha, kept as runs of non-transparent pixels so that
/// blending each frame touches only those pixels and copies the opaque ones.
/// </summary>
internal sealed class TileOverlay
{
    private readonly Run[] _lumaRuns;
    private readonly byte[] _luma;
    private readonly byte[] _lumaAlpha;
    private readonly Run[] _chromaRuns;
    private readonly byte[] _u;
    private readonly byte[] _v;
    private readonly byte[] _chromaAlpha;

    private TileOverlay(Run[] lumaRuns, byte[] luma, byte[] lumaAlpha, Run[] chromaRuns, byte[] u, byte[] v, byte[] chromaAlpha)
    {
        _lumaRuns = lumaRuns;
        _luma = luma;
        _lumaAlpha = lumaAlpha;
        _chromaRuns = chromaRuns;
        _u = u;
        _v = v;
        _chromaAlpha = chromaAlpha;
    }

    /// <summary>Pixels (luma) with any coverage; a measure of blending work.</summary>
    public int CoveredPixels => _luma.Length;

    /// <summary>
    /// Converts an even-sized premultiplied BGRA image; null when it is fully transparent.
    /// Chroma takes the alpha-weighted mean colour of each 2x2 block, so edges keep their hue.
    /// </summary>
    public static TileOverlay? FromPremultipliedBgra(ReadOnlySpan<byte> bgra, int stride, int width, int height)
    {
        var lumaRuns = new List<Run>();
        var luma = new List<byte>();
        var lumaAlpha = new List<byte>();
        for (int row = 0; row < height; row++)
        {
            ReadOnlySpan<byte> line = bgra.Slice(row * stride, width * 4);
            for (int x = 0; x < width;)
            {
                byte alpha = line[(x * 4) + 3];
                if (alpha == 0)
                {
                    x++;
                    continue;
                }

                bool opaque = alpha == 255;
                int start = x;
                int offset = luma.Count;
                while (x < width && line[(x * 4) + 3] is byte a && a != 0 && (a == 255) == opaque)
                {
                    int i = x * 4;
                    luma.Add(Unpremultiply(line[i + 2], line[i + 1], line[i], a).Y);
                    lumaAlpha.Add(a);
                    x++;
                }

                lumaRuns.Add(new Run(row, start, x - start, offset, opaque));
            }
        }

        if (luma.Count == 0)
        {
            return null;
        }

        var chromaRuns = new List<Run>();
        var u = new List<byte>();
        var v = new List<byte>();
        var chromaAlpha = new List<byte>();
        for (int row = 0; row < height / 2; row++)
        {
            ReadOnlySpan<byte> top = bgra.Slice(row * 2 * stride, width * 4);
            ReadOnlySpan<byte> bottom = bgra.Slice(((row * 2) + 1) * stride, width * 4);
            Run current = default;
            bool open = false;
            for (int x = 0; x < width / 2; x++)
            {
                int i = x * 8;
                int alphaSum = top[i + 3] + top[i + 7] + bottom[i + 3] + bottom[i + 7];
                int alpha = (alphaSum + 2) >> 2;
                bool opaque = alphaSum == 4 * 255;
                if (open && (alpha == 0 || opaque != current.Opaque))
                {
                    chromaRuns.Add(current);
                    open = false;
                }

                if (alpha == 0)
                {
                    continue;
                }

                if (!open)
                {
                    current = new Run(row, x, 0, u.Count, opaque);
                    open = true;
                }

                // Premultiplied sums over the block, unpremultiplied by the block's total alpha.
                int b = top[i] + top[i + 4] + bottom[i] + bottom[i + 4];
                int g = top[i + 1] + top[i + 5] + bottom[i + 1] + bottom[i + 5];
                int r = top[i + 2] + top[i + 6] + bottom[i + 2] + bottom[i + 6];
                YuvColor colour = Unpremultiply(r, g, b, alphaSum);
                u.Add(colour.U);
                v.Add(colour.V);
                chromaAlpha.Add((byte)alpha);
                current = current with { Length = current.Length + 1 };
            }

            if (open)
            {
                chromaRuns.Add(current);
            }
        }

        return new TileOverlay([.. lumaRuns], [.. luma], [.. lumaAlpha], [.. chromaRuns], [.. u], [.. v], [.. chromaAlpha]);
    }

    /// <summary>Blends onto the canvas with the overlay's top-left corner at (x, y), both even.</summary>
    public void BlendOnto(I420Frame canvas, int x, int y)
    {
        BlendPlane(canvas.Y, canvas.StrideY, x, y, _lumaRuns, _luma, _lumaAlpha);
        BlendPlane(canvas.U, canvas.StrideUV, x / 2, y / 2, _chromaRuns, _u, _chromaAlpha);
        BlendPlane(canvas.V, canvas.StrideUV, x / 2, y / 2, _chromaRuns, _v, _chromaAlpha);
    }

    private static void BlendPlane(Span<byte> plane, int stride, int x, int y, Run[] runs, byte[] values, byte[] alphas)
    {
        foreach (Run run in runs)
        {
            Span<byte> target = plane.Slice(((y + run.Row) * stride) + x + run.Start, run.Length);
            ReadOnlySpan<byte> source = values.AsSpan(run.Offset, run.Length);
            if (run.Opaque)
            {
                source.CopyTo(target);
                continue;
            }

            Blend(source, alphas.AsSpan(run.Offset, run.Length), target);
        }
    }

    /// <summary>target = (source * a + target * (255 - a)) / 255, rounded, 16 pixels at a time.</summary>
    private static void Blend(ReadOnlySpan<byte> source, ReadOnlySpan<byte> alpha, Span<byte> target)
    {
        var max = Vector128.Create((ushort)255);
        var half = Vector128.Create((ushort)128);
        int i = 0;
        for (; i <= target.Length - 16; i += 16)
        {
            (Vector128<ushort> sLow, Vector128<ushort> sHigh) = Vector128.Widen(Vector128.Create(source.Slice(i, 16)));
            (Vector128<ushort> aLow, Vector128<ushort> aHigh) = Vector128.Widen(Vector128.Create(alpha.Slice(i, 16)));
            (Vector128<ushort> dLow, Vector128<ushort> dHigh) = Vector128.Widen(Vector128.Create(target.Slice(i, 16)));
            Vector128<ushort> low = (sLow * aLow) + (dLow * (max - aLow)) + half;
            Vector128<ushort> high = (sHigh * aHigh) + (dHigh * (max - aHigh)) + half;
            Vector128.Narrow((low + (low >>> 8)) >>> 8, (high + (high >>> 8)) >>> 8).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            int a = alpha[i];
            int t = (source[i] * a) + (target[i] * (255 - a)) + 128;
            target[i] = (byte)((t + (t >> 8)) >> 8);
        }
    }

    private static YuvColor Unpremultiply(int r, int g, int b, int alpha)
    {
        int half = alpha / 2;
        return YuvColor.FromRgb(
            (byte)Math.Min(255, ((r * 255) + half) / alpha),
            (byte)Math.Min(255, ((g * 255) + half) / alpha),
            (byte)Math.Min(255, ((b * 255) + half) / alpha));
    }

    /// <summary>Length pixels of one plane row from Start (relative to the overlay), values at Offset.</summary>
    private readonly record struct Run(int Row, int Start, int Length, int Offset, bool Opaque);
}
