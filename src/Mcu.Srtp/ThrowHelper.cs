using System.Diagnostics.CodeAnalysis;

namespace Mcu.Srtp;

/// <summary>Out-of-line throws for set-up code, so callers stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static T ThrowUnsupportedProfile<T>(SrtpProfile profile) =>
        throw new ArgumentException($"SRTP protection profile {profile} (0x{(int)profile:X4}) is not supported.", nameof(profile));

    [DoesNotReturn]
    public static void ThrowWrongLength(string what, int expected, int actual, string paramName) =>
        throw new ArgumentException($"{what} must be {expected} bytes, got {actual}.", paramName);
}
