namespace Mcu.Compositor.Layouts;

/// <summary>How a <see cref="LayoutCatalog"/> notices changes on disk.</summary>
public sealed record LayoutCatalogOptions
{
    /// <summary>
    /// Period of the full rescan that catches changes the file-system watcher missed (its events
    /// can be lost on overflow, network file systems and some container mounts).
    /// </summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether to rescan soon after a watcher event rather than waiting for the period.</summary>
    public bool WatchFileSystem { get; init; } = true;

    /// <summary>Wait after a watcher event so that an editor's burst of writes is read once, complete.</summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromMilliseconds(100);
}
