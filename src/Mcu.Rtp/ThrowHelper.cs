using System.Diagnostics.CodeAnalysis;

namespace Mcu.Rtp;

/// <summary>Out-of-line throws for caller mistakes (never for malformed input), keeping hot paths small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ArgumentOutOfRange(string paramName) => throw new ArgumentOutOfRangeException(paramName);

    [DoesNotReturn]
    public static void Argument(string message, string paramName) => throw new ArgumentException(message, paramName);
}
