using System.Runtime.InteropServices;

namespace Mcu.Media.Native.Interop;

/// <summary>mcu_vp8_encoder_config, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeVp8EncoderConfig
{
    public int Width;
    public int Height;
    public int FpsNum;
    public int FpsDen;
    public int BitrateBps;
    public int Speed;
    public int Threads;
    public int KeyframeInterval;
    public int TokenPartitions;
    public int ErrorResilient;
    public int MinQuantizer;
    public int MaxQuantizer;
    public int BufferSizeMs;
    public int BufferInitialMs;
    public int BufferOptimalMs;
    public int UndershootPct;
    public int OvershootPct;
    public int MaxIntraBitratePct;
    public int StaticThreshold;
    public int NoiseSensitivity;
    public int DropFrameThreshold;
}
