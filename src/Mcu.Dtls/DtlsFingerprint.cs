using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Mcu.Dtls;

/// <summary>
/// A certificate digest (RFC 8122 section 5) that the handshake checks the peer's certificate
/// against (RFC 5763 section 5). Reading and writing the SDP attribute is Mcu.Sdp's job.
/// </summary>
public sealed class DtlsFingerprint
{
    private readonly byte[] _value;

    private DtlsFingerprint(string algorithm, byte[] value)
    {
        Algorithm = algorithm;
        _value = value;
    }

    /// <summary>The hash function's IANA name in lower case, e.g. "sha-256".</summary>
    public string Algorithm { get; }

    /// <summary>The digest of the certificate's DER.</summary>
    public ReadOnlySpan<byte> Value => _value;

    /// <summary>Fingerprints a DER certificate with "sha-256", "sha-384" or "sha-512" (browsers use sha-256) (case-insensitive).</summary>
    public static DtlsFingerprint Compute(string algorithm, ReadOnlySpan<byte> certificateDer)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        string name = algorithm.ToLowerInvariant();
        if (GetDigestLength(name) == 0)
        {
            throw new NotSupportedException($"Fingerprint hash function '{algorithm}' is not supported.");
        }

        return new DtlsFingerprint(name, Hash(name, certificateDer));
    }

    /// <summary>Wraps a fingerprint value received in signaling; false for an unknown hash function or a wrong length.</summary>
    public static bool TryCreate(string algorithm, ReadOnlySpan<byte> value, [NotNullWhen(true)] out DtlsFingerprint? fingerprint)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        fingerprint = null;
        string name = algorithm.ToLowerInvariant();
        int length = GetDigestLength(name);
        if (length == 0 || value.Length != length)
        {
            return false;
        }

        fingerprint = new DtlsFingerprint(name, value.ToArray());
        return true;
    }

    /// <summary>True if <paramref name="certificateDer"/> hashes to this fingerprint; compared in constant time.</summary>
    public bool Matches(ReadOnlySpan<byte> certificateDer) =>
        CryptographicOperations.FixedTimeEquals(Hash(Algorithm, certificateDer), _value);

    /// <summary>The value as upper-case hex pairs joined by colons, as SDP writes it.</summary>
    public string FormatValue()
    {
        string hex = Convert.ToHexString(_value);
        return string.Create((_value.Length * 3) - 1, hex, static (span, hex) =>
        {
            for (int i = 0; i < hex.Length / 2; i++)
            {
                if (i > 0)
                {
                    span[(i * 3) - 1] = ':';
                }

                span[i * 3] = hex[i * 2];
                span[(i * 3) + 1] = hex[(i * 2) + 1];
            }
        });
    }

    /// <summary>"sha-256 AB:CD:...", as SDP shows it, for failure reasons and logs.</summary>
    public override string ToString() => $"{Algorithm} {FormatValue()}";

    private static int GetDigestLength(string name) => name switch
    {
        "sha-256" => 32,
        "sha-384" => 48,
        "sha-512" => 64,
        _ => 0,
    };

    private static byte[] Hash(string name, ReadOnlySpan<byte> data) => name switch
    {
        "sha-384" => SHA384.HashData(data),
        "sha-512" => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };
}
