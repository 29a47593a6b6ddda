using System.Globalization;
using Mcu.Media.Video;

namespace Mcu.Compositor.Layouts;

/// <summary>An opaque sRGB colour written "#rrggbb" in layout files.</summary>
public readonly record struct LayoutColor(byte R, byte G, byte B)
{
    /// <summary>The BT.601 limited-range equivalent that the I420 canvas stores.</summary>
    public YuvColor ToYuv() => YuvColor.FromRgb(R, G, B);

    /// <summary>Parses exactly "#rrggbb" (hex digits in either case).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out LayoutColor color)
    {
        color = default;
        if (text.Length != 7 || text[0] != '#'
            || !int.TryParse(text[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int rgb))
        {
            return false;
        }

        color = new LayoutColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        return true;
    }

    /// <summary>The "#rrggbb" form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");
}
