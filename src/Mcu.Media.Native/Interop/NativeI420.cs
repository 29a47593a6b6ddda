using System.Runtime.InteropServices;
using Mcu.Media.Video;

namespace Mcu.Media.Native.Interop;

/// <summary>mcu_i420: three plane pointers with strides, readable sizes and the image size.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeI420
{
    public byte* Y;
    public byte* U;
    public byte* V;
    public int StrideY;
    public int StrideU;
    public int StrideV;
    public int SizeY;
    public int SizeU;
    public int SizeV;
    public int Width;
    public int Height;

    /// <summary>Describes a view whose planes the caller has pinned at y, u and v.</summary>
    public static NativeI420 Of(scoped in I420View view, byte* y, byte* u, byte* v) => new()
    {
        Y = y,
        U = u,
        V = v,
        StrideY = view.StrideY,
        StrideU = view.StrideU,
        StrideV = view.StrideV,
        SizeY = view.Y.Length,
        SizeU = view.U.Length,
        SizeV = view.V.Length,
        Width = view.Width,
        Height = view.Height,
    };

    /// <summary>Describes a frame whose planes the caller has pinned at y, u and v.</summary>
    public static NativeI420 Of(I420Frame frame, byte* y, byte* u, byte* v) => new()
    {
        Y = y,
        U = u,
        V = v,
        StrideY = frame.StrideY,
        StrideU = frame.StrideUV,
        StrideV = frame.StrideUV,
        SizeY = frame.StrideY * frame.Height,
        SizeU = frame.StrideUV * frame.ChromaHeight,
        SizeV = frame.StrideUV * frame.ChromaHeight,
        Width = frame.Width,
        Height = frame.Height,
    };

    /// <summary>A view over planes the library owns (a decoder's output).</summary>
    public readonly I420View ToView() => new(
        new ReadOnlySpan<byte>(Y, SizeY), StrideY,
        new ReadOnlySpan<byte>(U, SizeU), StrideU,
        new ReadOnlySpan<byte>(V, SizeV), StrideV,
        Width, Height);
}
