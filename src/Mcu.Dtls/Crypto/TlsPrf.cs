using System.Security.Cryptography;

namespace Mcu.Dtls.Crypto;

/// <summary>
/// The TLS 1.2 PRF: P_hash(secret, label || seed) with HMAC-SHA256 or HMAC-SHA384 (RFC 5246 section 5). Uses the
/// static System.Security.Cryptography HMAC functions: span based, allocation free, and already in the runtime.
/// </summary>
internal static class TlsPrf
{
    private const int MaxHashLength = 48;
    private const int MaxLabelSeedLength = 256;

    /// <summary>Fills <paramref name="output"/> with PRF(secret, label, seed1 || seed2).</summary>
    public static void Derive(
        HashAlgorithmName hash,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> label,
        ReadOnlySpan<byte> seed1,
        ReadOnlySpan<byte> seed2,
        Span<byte> output)
    {
        int hashLength = GetHashLength(hash);
        int labelSeedLength = label.Length + seed1.Length + seed2.Length;
        if (labelSeedLength > MaxLabelSeedLength)
        {
            throw new ArgumentException("Label and seed exceed the PRF's working buffer.", nameof(label));
        }

        // Layout: A(i) || label || seed, so that A(i) || label || seed and label || seed are both contiguous.
        Span<byte> buffer = stackalloc byte[MaxHashLength + MaxLabelSeedLength];
        Span<byte> a = buffer[..hashLength];
        Span<byte> labelSeed = buffer.Slice(hashLength, labelSeedLength);
        Span<byte> aLabelSeed = buffer[..(hashLength + labelSeedLength)];
        label.CopyTo(labelSeed);
        seed1.CopyTo(labelSeed[label.Length..]);
        seed2.CopyTo(labelSeed[(label.Length + seed1.Length)..]);

        Span<byte> block = stackalloc byte[MaxHashLength];
        Mac(hash, secret, labelSeed, a);
        for (int offset = 0; offset < output.Length; offset += hashLength)
        {
            Mac(hash, secret, aLabelSeed, block);
            int count = Math.Min(hashLength, output.Length - offset);
            block[..count].CopyTo(output[offset..]);
            Mac(hash, secret, a, a);
        }

        CryptographicOperations.ZeroMemory(buffer);
        CryptographicOperations.ZeroMemory(block);
    }

    public static void Derive(HashAlgorithmName hash, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, ReadOnlySpan<byte> seed, Span<byte> output) =>
        Derive(hash, secret, label, seed, [], output);

    public static int GetHashLength(HashAlgorithmName hash) => hash == HashAlgorithmName.SHA384 ? 48 : 32;

    private static void Mac(HashAlgorithmName hash, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (hash == HashAlgorithmName.SHA384)
        {
            HMACSHA384.HashData(key, data, destination);
        }
        else
        {
            HMACSHA256.HashData(key, data, destination);
        }
    }
}
