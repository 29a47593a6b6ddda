using System.Globalization;

namespace Mcu.Compositor.Layouts;

/// <summary>
/// The value rules of layout files, shared by the parser (which reports them with a line) and
/// the constructors (which throw): each check returns null or the reason.
/// </summary>
internal static class LayoutRules
{
    /// <summary>Slack for fractions such as 0.333333 * 3 that are meant to reach the edge.</summary>
    public const double EdgeTolerance = 1e-6;

    /// <summary>Upper bound for pixel sizes (border width, radius): beyond any sane canvas.</summary>
    public const double MaxPixels = 4096;

    /// <summary>Longest layout name.</summary>
    public const int MaxNameLength = 64;

    public static string? CheckPosition(double value, string field) =>
        double.IsFinite(value) && value >= 0 && value <= 1
            ? null
            : Format($"\"{field}\" must be a fraction of the canvas between 0 and 1 (was {value})");

    public static string? CheckSize(double value, string field) =>
        double.IsFinite(value) && value > 0 && value <= 1
            ? null
            : Format($"\"{field}\" must be a fraction of the canvas greater than 0 and at most 1 (was {value})");

    public static string? CheckExtent(double position, double size, string positionField, string sizeField, string edge) =>
        position + size <= 1 + EdgeTolerance
            ? null
            : Format($"the slot extends past the {edge} edge of the canvas ({positionField} + {sizeField} = {position + size}, at most 1)");

    public static string? CheckBorderWidth(double value) =>
        double.IsFinite(value) && value > 0 && value <= MaxPixels
            ? null
            : Format($"the border \"width\" must be a number of pixels greater than 0 and at most {MaxPixels} (was {value})");

    public static string? CheckRadius(double value) =>
        double.IsFinite(value) && value >= 0 && value <= MaxPixels
            ? null
            : Format($"\"radius\" must be a number of pixels from 0 to {MaxPixels} (was {value})");

    /// <summary>Names appear in URLs and file names: letters, digits, '-', '_' and '.', not starting with '.'.</summary>
    public static string? CheckName(string name)
    {
        if (name.Length == 0 || name.Length > MaxNameLength || name[0] == '.')
        {
            return Format($"a layout name must be 1 to {MaxNameLength} characters and not start with '.' (was \"{name}\")");
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.')
            {
                return Format($"a layout name may hold only letters, digits, '-', '_' and '.' (was \"{name}\")");
            }
        }

        return null;
    }

    public static string? CheckUpTo(int upTo, int? previous) =>
        upTo < 1
            ? Format($"\"upTo\" must be a participant count of at least 1 (was {upTo})")
            : previous is int p && upTo <= p
                ? Format($"\"upTo\" values must increase from one entry to the next ({upTo} follows {p})")
                : null;

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
