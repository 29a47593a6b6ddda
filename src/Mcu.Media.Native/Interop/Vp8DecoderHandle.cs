using Microsoft.Win32.SafeHandles;

namespace Mcu.Media.Native.Interop;

/// <summary>Owns a VP8 decoder created by the native library; released exactly once.</summary>
internal sealed class Vp8DecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public Vp8DecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.Vp8DecoderDestroy(handle);
        return true;
    }
}
