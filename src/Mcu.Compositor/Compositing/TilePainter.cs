using Mcu.Compositor.Layouts;
using SkiaSharp;

namespace Mcu.Compositor;

/// <summary>
/// Draws with Skia, in its native premultiplied BGRA, what a tile shows besides video: the
/// decorations (label, border, rounded-off corners) and the placeholder of a participant without
/// video. Called only when a tile's size, style or name changes; the results are cached.
/// </summary>
internal static class TilePainter
{
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string Ellipsis = "\u2026";

    private static readonly Lazy<SKTypeface> LazyTypeface = new(LoadTypeface);

    private static readonly SKColor LabelBackground = new(0, 0, 0, 150);
    private static readonly SKColor LabelText = SKColors.White;
    private static readonly SKColor PlaceholderText = new(0xe8, 0xe8, 0xe8);

    /// <summary>DejaVu Sans (Debian's fonts-dejavu-core), else Skia's default face.</summary>
    public static SKTypeface Typeface => LazyTypeface.Value;

    /// <summary>
    /// A width x height bitmap, transparent except for the decorations; the caller disposes it.
    /// </summary>
    /// <param name="slot">Supplies the border and corner radius.</param>
    /// <param name="background">Colour of the corner patches outside the rounded edge.</param>
    /// <param name="label">Text for the name label, or null for none.</param>
    public static SKBitmap PaintDecorations(int width, int height, LayoutSlot slot, LayoutColor background, string? label)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        var bounds = new SKRect(0, 0, width, height);
        float radius = (float)slot.Radius;
        float borderWidth = slot.Border is null ? 0 : (float)slot.Border.Width;

        if (radius > 0)
        {
            // Everything outside the rounded rectangle, antialiased along the arcs.
            using var corners = new SKPath { FillType = SKPathFillType.EvenOdd };
            corners.AddRect(bounds);
            corners.AddRoundRect(bounds, radius, radius);
            using var paint = new SKPaint { Color = ToSkia(background), IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawPath(corners, paint);
        }

        if (slot.Border is SlotBorder border)
        {
            float half = borderWidth / 2;
            var edge = SKRect.Inflate(bounds, -half, -half);
            float edgeRadius = Math.Max(0, radius - half);
            using var paint = new SKPaint
            {
                Color = ToSkia(border.Color),
                IsAntialias = radius > 0,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = borderWidth,
            };
            canvas.DrawRoundRect(edge, edgeRadius, edgeRadius, paint);
        }

        if (!string.IsNullOrEmpty(label))
        {
            PaintLabel(canvas, width, height, borderWidth, radius, label);
        }

        return bitmap;
    }

    /// <summary>An opaque width x height bitmap: the name centred on a plain colour; the caller disposes it.</summary>
    public static SKBitmap PaintPlaceholder(int width, int height, LayoutColor colour, string? name)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(ToSkia(colour));
        if (!string.IsNullOrEmpty(name))
        {
            using var font = new SKFont(Typeface, Math.Clamp(height / 7f, 10, 56)) { Subpixel = true, Edging = SKFontEdging.Antialias };
            string text = FitText(name, font, width * 0.9f);
            using var paint = new SKPaint { Color = PlaceholderText, IsAntialias = true };
            font.MeasureText(text, out SKRect box, paint);
            float x = (width - box.Width) / 2 - box.Left;
            float y = (height - box.Height) / 2 - box.Top;
            canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
        }

        return bitmap;
    }

    public static SKColor ToSkia(LayoutColor colour) => new(colour.R, colour.G, colour.B);

    /// <summary>The name in a translucent rounded box at the bottom-left, inside border and corners.</summary>
    private static void PaintLabel(SKCanvas canvas, int width, int height, float borderWidth, float radius, string label)
    {
        float size = Math.Clamp(height / 15f, 10, 24);
        using var font = new SKFont(Typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        float padX = size * 0.45f;
        float padY = size * 0.25f;
        float margin = Math.Max(4, height / 50f) + borderWidth + (radius * 0.3f);
        string text = FitText(label, font, width - (2 * margin) - (2 * padX));
        if (text.Length == 0)
        {
            return;
        }

        SKFontMetrics metrics = font.Metrics;
        float textHeight = metrics.Descent - metrics.Ascent;
        float boxWidth = font.MeasureText(text) + (2 * padX);
        float boxHeight = textHeight + (2 * padY);
        var box = SKRect.Create(margin, height - margin - boxHeight, boxWidth, boxHeight);
        using var fill = new SKPaint { Color = LabelBackground, IsAntialias = true };
        canvas.DrawRoundRect(box, size * 0.3f, size * 0.3f, fill);
        using var ink = new SKPaint { Color = LabelText, IsAntialias = true };
        canvas.DrawText(text, box.Left + padX, box.Top + padY - metrics.Ascent, SKTextAlign.Left, font, ink);
    }

    /// <summary>The text, shortened with an ellipsis until it is at most maxWidth wide ("" if not even that fits).</summary>
    private static string FitText(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }

        for (int length = text.Length - 1; length > 0; length--)
        {
            // Never split a surrogate pair.
            if (char.IsLowSurrogate(text[length]))
            {
                continue;
            }

            string shortened = string.Concat(text.AsSpan(0, length).TrimEnd(), Ellipsis);
            if (font.MeasureText(shortened) <= maxWidth)
            {
                return shortened;
            }
        }

        return string.Empty;
    }

    private static SKTypeface LoadTypeface() => SKTypeface.FromFile(FontFile) ?? SKTypeface.Default;
}
