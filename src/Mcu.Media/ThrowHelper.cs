using System.Diagnostics.CodeAnalysis;

namespace Mcu.Media;

/// <summary>Out-of-line throws keep argument checks cheap on hot paths.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);
}
