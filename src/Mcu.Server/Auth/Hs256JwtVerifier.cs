using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mcu.Server.Auth;

/// <summary>
/// Verifies compact JWTs (RFC 7519) signed with HMAC-SHA256 (JWS compact serialization, RFC 7515).
/// Only "alg":"HS256" is accepted (RFC 8725 3.1: the algorithm is ours to choose, never the
/// token's), the signature is compared in constant time before any claim is read, and exp and
/// nbf are enforced with a small clock skew.
/// </summary>
internal static class Hs256JwtVerifier
{
    /// <summary>Longer tokens are refused unread; a join token is a few hundred characters.</summary>
    public const int MaxTokenLength = 4096;

    private const int SignatureLength = 32;

    // NumericDate values beyond year 9999 do not fit DateTimeOffset; such a token never expires in practice.
    private const double MaxUnixSeconds = 253_402_300_799;

    public static bool TryVerify(
        string token,
        ReadOnlySpan<byte> key,
        DateTimeOffset now,
        TimeSpan skew,
        [NotNullWhen(true)] out JoinToken? claims,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(token);
        claims = null;
        if (token.Length > MaxTokenLength)
        {
            error = "The join token is too long.";
            return false;
        }
        var text = token.AsSpan();
        var firstDot = text.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : text[(firstDot + 1)..].IndexOf('.') + firstDot + 1;
        if (firstDot <= 0 || secondDot <= firstDot + 1 || secondDot == text.Length - 1 || text[(secondDot + 1)..].Contains('.'))
        {
            error = "The join token is not a compact JWT (header.payload.signature).";
            return false;
        }
        if (!TryDecode(text[..firstDot], out var header) || !TryDecode(text[(firstDot + 1)..secondDot], out var payload)
            || !TryDecode(text[(secondDot + 1)..], out var signature))
        {
            error = "The join token is not valid base64url.";
            return false;
        }
        if (!IsHs256Header(header))
        {
            error = "The join token must be signed with HS256.";
            return false;
        }
        if (!SignatureMatches(text[..secondDot], signature, key))
        {
            error = "The join token's signature is not valid.";
            return false;
        }
        return TryReadClaims(payload, now, skew, out claims, out error);
    }

    private static bool TryDecode(ReadOnlySpan<char> part, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        if (Base64Url.DecodeFromChars(part, bytes, out var consumed, out var written) != OperationStatus.Done || consumed != part.Length)
        {
            bytes = null;
            return false;
        }
        bytes = bytes[..written];
        return true;
    }

    private static bool IsHs256Header(byte[] header)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            // RFC 7515 4.1.11: a token that makes extensions critical must be refused by those who know none.
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String && alg.ValueEquals("HS256")
                && !root.TryGetProperty("crit", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool SignatureMatches(ReadOnlySpan<char> signingInput, byte[] signature, ReadOnlySpan<byte> key)
    {
        if (signature.Length != SignatureLength)
        {
            return false;
        }
        // The signing input is the ASCII text of the first two parts (RFC 7515 5.1); base64url decoding proved it ASCII.
        var input = Encoding.ASCII.GetBytes(signingInput.ToArray());
        Span<byte> expected = stackalloc byte[SignatureLength];
        HMACSHA256.HashData(key, input, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    private static bool TryReadClaims(byte[] payload, DateTimeOffset now, TimeSpan skew, [NotNullWhen(true)] out JoinToken? claims, [NotNullWhen(false)] out string? error)
    {
        claims = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The join token's payload is not a JSON object.";
                return false;
            }
            if (!TryGetSeconds(root, "exp", out var exp))
            {
                error = "The join token has no numeric \"exp\" claim.";
                return false;
            }
            var nowSeconds = now.ToUnixTimeMilliseconds() / 1000.0;
            // RFC 7519 4.1.4: the current time must be before exp.
            if (nowSeconds >= exp + skew.TotalSeconds)
            {
                error = "The join token has expired.";
                return false;
            }
            double? nbf = null;
            if (root.TryGetProperty("nbf", out _))
            {
                if (!TryGetSeconds(root, "nbf", out var notBefore))
                {
                    error = "The join token's \"nbf\" claim is not a number.";
                    return false;
                }
                if (nowSeconds < notBefore - skew.TotalSeconds)
                {
                    error = "The join token is not valid yet.";
                    return false;
                }
                nbf = notBefore;
            }
            if (!root.TryGetProperty("room", out var room) || room.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(room.GetString()))
            {
                error = "The join token has no \"room\" claim.";
                return false;
            }
            string? subject = root.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
            claims = new JoinToken(room.GetString()!, ToDate(exp), nbf is { } n ? ToDate(n) : null, subject);
            error = null;
            return true;
        }
        catch (JsonException)
        {
            error = "The join token's payload is not JSON.";
            return false;
        }
    }

    private static bool TryGetSeconds(JsonElement root, string name, out double seconds)
    {
        seconds = 0;
        return root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out seconds) && double.IsFinite(seconds);
    }

    private static DateTimeOffset ToDate(double unixSeconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(Math.Clamp(unixSeconds, 0, MaxUnixSeconds) * 1000));
}
