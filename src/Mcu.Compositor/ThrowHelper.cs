using System.Diagnostics.CodeAnalysis;

namespace Mcu.Compositor;

/// <summary>Out-of-line throws keep the per-frame paths small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);
}
