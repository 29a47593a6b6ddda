using System.Diagnostics.CodeAnalysis;
using Mcu.Media.Native.Interop;

namespace Mcu.Media.Native;

/// <summary>Out-of-line throws keep the per-frame paths small.</summary>
internal static class ThrowHelper
{
    /// <summary>Throws a <see cref="NativeCodecException"/> when code is an error.</summary>
    public static void ThrowIfFailed(int code)
    {
        if (code < 0)
        {
            ThrowNative(code);
        }
    }

    [DoesNotReturn]
    public static void ThrowNative(int code) =>
        throw new NativeCodecException((NativeErrorCode)code, NativeMethods.Message(code));

    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);
}
