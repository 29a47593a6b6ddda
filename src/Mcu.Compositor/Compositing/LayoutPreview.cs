using System.Globalization;
using Mcu.Compositor.Layouts;
using Mcu.Media.Native;
using Mcu.Media.Video;
using SkiaSharp;

namespace Mcu.Compositor;

/// <summary>Pictures of layouts for people choosing one: each slot as a numbered placeholder.</summary>
public static class LayoutPreview
{
    /// <summary>The label of speaker slots in a preview.</summary>
    public const string SpeakerLabel = "Speaker";

    /// <summary>
    /// The layout drawn as the compositor would with every slot a placeholder, participant slots
    /// numbered in the order they fill and speaker slots marked <see cref="SpeakerLabel"/>; PNG bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The size is not even or out of range.</exception>
    public static byte[] RenderPng(LayoutDefinition layout, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var tiles = new CompositorTile[layout.Slots.Length];
        int number = 0;
        for (int i = 0; i < tiles.Length; i++)
        {
            string name = layout.Slots[i].Role == SlotRole.Speaker
                ? SpeakerLabel
                : (++number).ToString(CultureInfo.InvariantCulture);
            tiles[i] = new CompositorTile(name, name, Frame: null, FrameChanged: false);
        }

        using var compositor = new VideoCompositor(new CompositorOptions { Width = width, Height = height });
        I420Frame canvas = compositor.Compose(layout, tiles);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        Yuv.ToPacked(canvas.AsView(), bitmap.GetPixelSpan(), bitmap.RowBytes, PackedPixelFormat.Bgra);
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
