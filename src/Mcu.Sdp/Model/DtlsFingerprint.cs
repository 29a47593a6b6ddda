using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Mcu.Sdp;

/// <summary>An a=fingerprint value (RFC 8122 §5): hash function name and certificate digest. Hashing certificates is Mcu.Dtls's job.</summary>
public sealed class DtlsFingerprint : IEquatable<DtlsFingerprint>
{
    /// <summary>The hash function every WebRTC stack uses for its certificate fingerprint.</summary>
    public const string Sha256 = "sha-256";

    private const string Sha1 = "sha-1";
    private const string Sha224 = "sha-224";
    private const string Sha384 = "sha-384";
    private const string Sha512 = "sha-512";
    private const int MaxDigestLength = 64;

    private readonly byte[] _value;

    /// <summary>Creates a fingerprint; the digest is copied.</summary>
    public DtlsFingerprint(string algorithm, ReadOnlySpan<byte> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithm);
        if (value.IsEmpty || value.Length > MaxDigestLength)
        {
            throw new ArgumentException("A fingerprint digest is 1 to 64 bytes.", nameof(value));
        }

        Algorithm = Canonical(algorithm);
        _value = value.ToArray();
    }

    /// <summary>The hash function, lower case for the names RFC 8122 registers ("sha-256").</summary>
    public string Algorithm { get; }

    /// <summary>The digest of the DER certificate.</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <summary>True for SHA-256, SHA-384 and SHA-512, the functions the MCU accepts from peers.</summary>
    public bool IsSha256OrStronger => Algorithm is Sha256 or Sha384 or Sha512;

    /// <summary>Parses "sha-256 AB:CD:..."; throws <see cref="SdpException"/> when malformed.</summary>
    public static DtlsFingerprint Parse(string value) =>
        TryParse(value, out DtlsFingerprint? fingerprint, out string? error) ? fingerprint : throw new SdpException(error);

    /// <summary>Parses "sha-256 AB:CD:...".</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out DtlsFingerprint? fingerprint) =>
        TryParse(value, out fingerprint, out _);

    /// <summary>The attribute value, e.g. "sha-256 AB:CD:...", hex in upper case as RFC 8122 §5 writes it.</summary>
    public override string ToString()
    {
        const string digits = "0123456789ABCDEF";
        var text = new StringBuilder(Algorithm.Length + (_value.Length * 3));
        text.Append(Algorithm).Append(' ');
        for (int i = 0; i < _value.Length; i++)
        {
            if (i > 0)
            {
                text.Append(':');
            }

            text.Append(digits[_value[i] >> 4]).Append(digits[_value[i] & 0xF]);
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(DtlsFingerprint? other) =>
        other is not null && Algorithm == other.Algorithm && _value.AsSpan().SequenceEqual(other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DtlsFingerprint);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Algorithm);
        hash.AddBytes(_value);
        return hash.ToHashCode();
    }

    internal static bool TryParse(string? value, [NotNullWhen(true)] out DtlsFingerprint? fingerprint, [NotNullWhen(false)] out string? error)
    {
        fingerprint = null;
        (string algorithm, string hex) = SdpToken.SplitFirst(value ?? string.Empty);
        if (!SdpToken.IsToken(algorithm) || hex.Length == 0)
        {
            error = "a=fingerprint needs <hash function> <hex digest>";
            return false;
        }

        // Bytes are two hex digits each, separated by ':' (RFC 8122 §5): 3 characters per byte, less one.
        int count = (hex.Length + 1) / 3;
        if (count == 0 || count > MaxDigestLength || (count * 3) - 1 != hex.Length)
        {
            error = "a=fingerprint digest must be hex byte pairs separated by ':'";
            return false;
        }

        Span<byte> digest = stackalloc byte[count];
        for (int i = 0; i < count; i++)
        {
            int at = i * 3;
            if ((i > 0 && hex[at - 1] != ':')
                || !char.IsAsciiHexDigit(hex[at]) || !char.IsAsciiHexDigit(hex[at + 1]))
            {
                error = "a=fingerprint digest must be hex byte pairs separated by ':'";
                return false;
            }

            digest[i] = (byte)((HexValue(hex[at]) << 4) | HexValue(hex[at + 1]));
        }

        string canonical = Canonical(algorithm);
        int expected = ExpectedLength(canonical);
        if (expected > 0 && expected != count)
        {
            error = $"a=fingerprint {canonical} digest has the wrong length";
            return false;
        }

        fingerprint = new DtlsFingerprint(canonical, digest);
        error = null;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string Canonical(string algorithm)
    {
        foreach (string known in (ReadOnlySpan<string>)[Sha1, Sha224, Sha256, Sha384, Sha512])
        {
            if (string.Equals(algorithm, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return algorithm;
    }

    private static int ExpectedLength(string algorithm) => algorithm switch
    {
        Sha1 => 20,
        Sha224 => 28,
        Sha256 => 32,
        Sha384 => 48,
        Sha512 => 64,
        _ => 0,
    };
}
