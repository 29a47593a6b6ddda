using System.Diagnostics.CodeAnalysis;

namespace Mcu.Stun;

/// <summary>Out-of-line throws for caller mistakes (never for malformed input), so callers stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowWrongLength(string paramName, int expected, int actual) =>
        throw new ArgumentException($"Expected {expected} bytes, got {actual}.", paramName);

    [DoesNotReturn]
    public static void ThrowBufferTooSmall(string paramName, int required, int actual) =>
        throw new ArgumentException($"The buffer must hold at least {required} bytes, got {actual}.", paramName);

    [DoesNotReturn]
    public static void ThrowAttributeAfterIntegrity() =>
        throw new InvalidOperationException("Only FINGERPRINT may follow MESSAGE-INTEGRITY, and nothing may follow FINGERPRINT.");

    [DoesNotReturn]
    public static void ThrowInvalidErrorCode(int code) =>
        throw new ArgumentOutOfRangeException(nameof(code), code, "STUN error codes run from 300 to 699.");

    [DoesNotReturn]
    public static void ThrowUnsupportedAddressFamily(string paramName) =>
        throw new ArgumentException("Only IPv4 and IPv6 endpoints are supported.", paramName);

    [DoesNotReturn]
    public static void ThrowInvalidCredential(string paramName, string rule) =>
        throw new ArgumentException(rule, paramName);

    [DoesNotReturn]
    public static void ThrowOutOfRange(string paramName, object value, string rule) =>
        throw new ArgumentOutOfRangeException(paramName, value, rule);
}
