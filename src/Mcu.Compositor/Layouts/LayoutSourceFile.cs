namespace Mcu.Compositor.Layouts;

/// <summary>The name (e.g. "grid-2x2.json") and bytes of one layout file.</summary>
public readonly record struct LayoutSourceFile(string Name, ReadOnlyMemory<byte> Content);
