namespace Mcu.Compositor.Layouts;

/// <summary>Carries the snapshot that a <see cref="LayoutCatalog"/> has just put in effect.</summary>
public sealed class LayoutCatalogChangedEventArgs(LayoutSnapshot snapshot) : EventArgs
{
    /// <summary>The new snapshot (also <see cref="LayoutCatalog.Current"/> until the next change).</summary>
    public LayoutSnapshot Snapshot { get; } = snapshot;
}
