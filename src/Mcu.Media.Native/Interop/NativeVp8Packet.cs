using System.Runtime.InteropServices;

namespace Mcu.Media.Native.Interop;

/// <summary>mcu_vp8_packet: a compressed frame in encoder-owned memory.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeVp8Packet
{
    public byte* Data;
    public int Size;
    public int Keyframe;
    public long Pts;
}
