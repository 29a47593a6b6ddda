namespace Mcu.Media.Video;

/// <summary>A BT.601 limited-range Y'CbCr colour, the space of I420 frames and VP8.</summary>
public readonly record struct YuvColor(byte Y, byte U, byte V)
{
    /// <summary>Video black (Y = 16).</summary>
    public static YuvColor Black => new(16, 128, 128);

    /// <summary>Converts full-range sRGB with the integer BT.601 matrix that libyuv also uses.</summary>
    public static YuvColor FromRgb(byte r, byte g, byte b) => new(
        (byte)(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16),
        (byte)(((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128),
        (byte)(((112 * r - 94 * g - 18 * b + 128) >> 8) + 128));
}
