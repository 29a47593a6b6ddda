namespace Mcu.Media.Native;

/// <summary>
/// 32-bit packed pixel layouts, named by byte order in memory. libyuv names them by a
/// little-endian 32-bit word instead, so libyuv's "ARGB" is our <see cref="Bgra"/>.
/// </summary>
public enum PackedPixelFormat
{
    /// <summary>Bytes B, G, R, A: libyuv ARGB; SkiaSharp <c>SKColorType.Bgra8888</c> (the native 32-bit type on little-endian).</summary>
    Bgra = 0,

    /// <summary>Bytes R, G, B, A: libyuv ABGR; SkiaSharp <c>SKColorType.Rgba8888</c>.</summary>
    Rgba = 1,

    /// <summary>Bytes A, R, G, B: libyuv BGRA.</summary>
    Argb = 2,
}
