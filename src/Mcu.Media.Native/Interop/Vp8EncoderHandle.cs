using Microsoft.Win32.SafeHandles;

namespace Mcu.Media.Native.Interop;

/// <summary>Owns a VP8 encoder created by the native library; released exactly once.</summary>
internal sealed class Vp8EncoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public Vp8EncoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.Vp8EncoderDestroy(handle);
        return true;
    }
}
