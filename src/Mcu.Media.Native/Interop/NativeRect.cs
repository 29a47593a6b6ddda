using System.Runtime.InteropServices;
using Mcu.Media.Video;

namespace Mcu.Media.Native.Interop;

/// <summary>mcu_rect.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeRect
{
    public int X;
    public int Y;
    public int Width;
    public int Height;

    public static NativeRect Of(PixelRect rect) => new() { X = rect.X, Y = rect.Y, Width = rect.Width, Height = rect.Height };
}
