using Mcu.Client;
using SkiaSharp;

namespace Mcu.Bot;

/// <summary>Saves a received picture as a PNG file.</summary>
internal static class PngFile
{
    public static void Save(BgraPicture picture, string path)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(picture.Width, picture.Height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var row = picture.Width * 4;
        for (var y = 0; y < picture.Height; y++)
        {
            picture.Pixels.AsSpan(y * row, row).CopyTo(pixels.Slice(y * bitmap.RowBytes, row));
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
