using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Mcu.Stun.Ice;

/// <summary>
/// An ICE username fragment and password (RFC 8445 section 5.3; syntax RFC 8839 section 5.4:
/// ice-chars, ufrag 4-256 and password 22-256 characters).
/// </summary>
public sealed class IceCredentials
{
    /// <summary>Length of a generated ufrag: 48 random bits, so fragments stay unique across the peers of one port.</summary>
    public const int GeneratedUfragLength = 8;

    /// <summary>Length of a generated password: 144 random bits (RFC 8445 asks for at least 128).</summary>
    public const int GeneratedPasswordLength = 24;

    private const int MinUfragLength = 4;
    private const int MinPasswordLength = 22;
    private const int MaxLength = 256;
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static readonly SearchValues<char> IceCharValues = SearchValues.Create(IceChars);

    /// <summary>Creates credentials; throws <see cref="ArgumentException"/> when either part breaks RFC 8839 syntax.</summary>
    public IceCredentials(string ufrag, string password)
    {
        ArgumentNullException.ThrowIfNull(ufrag);
        ArgumentNullException.ThrowIfNull(password);
        if (!IsValidUfrag(ufrag))
        {
            ThrowHelper.ThrowInvalidCredential(nameof(ufrag), "An ICE ufrag is 4-256 ice-chars (RFC 8839 section 5.4).");
        }
        if (!IsValidPassword(password))
        {
            ThrowHelper.ThrowInvalidCredential(nameof(password), "An ICE password is 22-256 ice-chars (RFC 8839 section 5.4).");
        }
        Ufrag = ufrag;
        Password = password;
        UfragBytes = Encoding.ASCII.GetBytes(ufrag);
        Key = Encoding.ASCII.GetBytes(password);
    }

    /// <summary>The username fragment.</summary>
    public string Ufrag { get; }

    /// <summary>The password.</summary>
    public string Password { get; }

    /// <summary>The ufrag as it appears in USERNAME.</summary>
    internal byte[] UfragBytes { get; }

    /// <summary>The short-term MESSAGE-INTEGRITY key: the password's bytes (RFC 8489 section 9.1.1).</summary>
    internal byte[] Key { get; }

    /// <summary>Fresh random credentials from <see cref="RandomNumberGenerator"/>.</summary>
    public static IceCredentials Generate() => new(
        RandomNumberGenerator.GetString(IceChars, GeneratedUfragLength),
        RandomNumberGenerator.GetString(IceChars, GeneratedPasswordLength));

    /// <summary>Creates credentials from signalled values; false instead of throwing when they are invalid.</summary>
    public static bool TryCreate(string? ufrag, string? password, [NotNullWhen(true)] out IceCredentials? credentials)
    {
        credentials = ufrag is not null && password is not null && IsValidUfrag(ufrag) && IsValidPassword(password)
            ? new IceCredentials(ufrag, password)
            : null;
        return credentials is not null;
    }

    /// <summary>True for 4-256 ice-chars.</summary>
    public static bool IsValidUfrag(ReadOnlySpan<char> ufrag) => IsIceChars(ufrag, MinUfragLength);

    /// <summary>True for 22-256 ice-chars.</summary>
    public static bool IsValidPassword(ReadOnlySpan<char> password) => IsIceChars(password, MinPasswordLength);

    private static bool IsIceChars(ReadOnlySpan<char> value, int minLength) =>
        value.Length >= minLength && value.Length <= MaxLength && !value.ContainsAnyExcept(IceCharValues);
}
