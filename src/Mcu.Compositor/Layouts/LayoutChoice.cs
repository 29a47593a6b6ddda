namespace Mcu.Compositor.Layouts;

/// <summary>One entry of a group: use <see cref="Layout"/> for rooms of up to <see cref="UpTo"/> participants.</summary>
/// <param name="UpTo">The largest participant count this entry serves; null on a last entry serves every larger count.</param>
/// <param name="Layout">A layout or another group.</param>
public sealed record LayoutChoice(int? UpTo, string Layout)
{
    /// <summary>Line of the entry in its file (0 when built in code).</summary>
    internal int Line { get; init; }

    /// <summary>Entries are equal when they choose the same layout for the same counts, wherever they were written.</summary>
    public bool Equals(LayoutChoice? other) => other is not null && UpTo == other.UpTo && string.Equals(Layout, other.Layout, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UpTo, Layout);
}
