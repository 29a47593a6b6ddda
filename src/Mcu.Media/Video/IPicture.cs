namespace Mcu.Media.Video;

/// <summary>
/// A read-only I420 picture of even size whose owner keeps it valid while it is used: an
/// <see cref="I420Frame"/>, or a decoder's picture handed over without a copy.
/// </summary>
public interface IPicture
{
    /// <summary>Width in luma pixels (even).</summary>
    int Width { get; }

    /// <summary>Height in luma pixels (even).</summary>
    int Height { get; }

    /// <summary>A view of the planes, <see cref="Width"/> x <see cref="Height"/>.</summary>
    I420View AsView();
}
