using System.Runtime.InteropServices;

namespace Mcu.Media.Native.Interop;

/// <summary>mcu_opus_encoder_config, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeOpusEncoderConfig
{
    public int SampleRate;
    public int Channels;
    public int Application;
    public int BitrateBps;
    public int Complexity;
    public int InbandFec;
    public int PacketLossPct;
    public int Dtx;
}
