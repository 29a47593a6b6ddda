namespace Mcu.Compositor.Layouts;

/// <summary>A border drawn inside a slot's edge, <see cref="Width"/> canvas pixels wide.</summary>
public sealed record SlotBorder(double Width, LayoutColor Color);
