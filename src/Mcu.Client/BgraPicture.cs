namespace Mcu.Client;

/// <summary>A received picture as 32-bit BGRA pixels, rows of <c>Width * 4</c> bytes (SkiaSharp's Bgra8888).</summary>
public sealed record BgraPicture(int Width, int Height, byte[] Pixels);
