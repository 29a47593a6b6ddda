using Microsoft.Win32.SafeHandles;

namespace Mcu.Media.Native.Interop;

/// <summary>Owns an Opus decoder created by the native library; released exactly once.</summary>
internal sealed class OpusDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OpusDecoderHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.OpusDecoderDestroy(handle);
        return true;
    }
}
