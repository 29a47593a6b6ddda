using Microsoft.Win32.SafeHandles;

namespace Mcu.Media.Native.Interop;

/// <summary>Owns an Opus encoder created by the native library; released exactly once.</summary>
internal sealed class OpusEncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OpusEncoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.OpusEncoderDestroy(handle);
        return true;
    }
}
