using System.Globalization;

namespace Mcu.Compositor.Layouts;

/// <summary>Why a layout file was rejected: the file, the line (0 when no single line is to blame) and the reason.</summary>
public sealed record LayoutError(string File, int Line, string Message)
{
    /// <summary>"file:line: message", the form compilers use, or "file: message" without a line.</summary>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Message}")
        : $"{File}: {Message}";
}
