namespace Mcu.Media.Video;

/// <summary>A rectangle in luma pixels (top-left origin) inside a video frame.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>One past the rightmost column.</summary>
    public int Right => X + Width;

    /// <summary>One past the bottom row.</summary>
    public int Bottom => Y + Height;
}
