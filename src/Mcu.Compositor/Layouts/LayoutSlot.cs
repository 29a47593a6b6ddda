namespace Mcu.Compositor.Layouts;

/// <summary>
/// One tile of a layout: position and size as fractions of the canvas, plus how it is drawn.
/// </summary>
public sealed record LayoutSlot(double X, double Y, double Width, double Height)
{
    /// <summary>Draw order: higher values are drawn on top; equal values keep file order.</summary>
    public int Z { get; init; }

    /// <summary>Cover (crop to fill, the default) or contain (letterbox).</summary>
    public SlotFit Fit { get; init; }

    /// <summary>Whether the slot shows a participant in join order (default) or the active speaker.</summary>
    public SlotRole Role { get; init; }

    /// <summary>Whether the participant's name is drawn over the bottom-left of the tile.</summary>
    public bool Label { get; init; } = true;

    /// <summary>An optional border inside the slot's edge.</summary>
    public SlotBorder? Border { get; init; }

    /// <summary>Corner radius in canvas pixels; 0 for square corners.</summary>
    public double Radius { get; init; }

    /// <summary>The first broken rule, or null when the slot is valid.</summary>
    internal string? Validate() =>
        LayoutRules.CheckPosition(X, "x")
        ?? LayoutRules.CheckPosition(Y, "y")
        ?? LayoutRules.CheckSize(Width, "width")
        ?? LayoutRules.CheckSize(Height, "height")
        ?? LayoutRules.CheckExtent(X, Width, "x", "width", "right")
        ?? LayoutRules.CheckExtent(Y, Height, "y", "height", "bottom")
        ?? (Border is null ? null : LayoutRules.CheckBorderWidth(Border.Width))
        ?? LayoutRules.CheckRadius(Radius)
        ?? (Enum.IsDefined(Fit) && Enum.IsDefined(Role) ? null : "unknown fit or role");
}
