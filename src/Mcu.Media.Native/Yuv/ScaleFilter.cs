namespace Mcu.Media.Native;

/// <summary>libyuv scaling filters, fastest first.</summary>
public enum ScaleFilter
{
    /// <summary>Point sampling.</summary>
    None = 0,

    /// <summary>Horizontal filtering only.</summary>
    Linear = 1,

    /// <summary>Bilinear: good for enlarging, faster than box.</summary>
    Bilinear = 2,

    /// <summary>Box: best when shrinking (averages every source pixel).</summary>
    Box = 3,
}
