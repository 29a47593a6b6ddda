using Mcu.Compositor.Layouts;
using Mcu.Media.Native;

namespace Mcu.Compositor;

/// <summary>Output size and drawing choices of a <see cref="VideoCompositor"/>.</summary>
public sealed record CompositorOptions
{
    /// <summary>Canvas width in pixels (even).</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Canvas height in pixels (even).</summary>
    public int Height { get; init; } = 720;

    /// <summary>Colour of the tile of a participant without video, behind their name.</summary>
    public LayoutColor PlaceholderColor { get; init; } = new(0x2c, 0x30, 0x38);

    /// <summary>
    /// A libyuv filter for every tile, or null (the default) for the fastest good path per tile:
    /// libyuv box halving for reductions of 2x or more and libyuv's dedicated ratios, else the
    /// compositor's own bilinear scaler, several times faster than libyuv at arbitrary ratios.
    /// </summary>
    public ScaleFilter? Filter { get; init; }
}
