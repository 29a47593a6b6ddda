using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Mcu.Stun;

/// <summary>The MESSAGE-INTEGRITY and FINGERPRINT computations shared by the reader and the writer.</summary>
internal static class StunIntegrity
{
    public const int HmacLength = 20;
    public const int IntegrityAttributeLength = 4 + HmacLength;
    public const int FingerprintAttributeLength = 8;

    // RFC 8489 section 14.7: the CRC is XORed with this so that it differs from the CRC of
    // other protocols sharing the port.
    public const uint FingerprintXor = 0x5354554E;

    private const int StackCopyLimit = 512;

    /// <summary>
    /// HMAC-SHA1 over <paramref name="prefix"/> (the message up to the MESSAGE-INTEGRITY
    /// attribute) as if its header length field covered the message only up to the end of
    /// that attribute (RFC 8489 section 14.5).
    /// </summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 8489 section 14.5 and RFC 8445 mandate HMAC-SHA1 for MESSAGE-INTEGRITY.")]
    public static void ComputeHmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> prefix, Span<byte> destination)
    {
        var lengthForHmac = (ushort)(prefix.Length - StunHeader.Length + IntegrityAttributeLength);
        if (BinaryPrimitives.ReadUInt16BigEndian(prefix[2..]) == lengthForHmac)
        {
            HMACSHA1.HashData(key, prefix, destination);
            return;
        }

        // The length differs when FINGERPRINT (or ignored attributes) follow: hash a copy with
        // the adjusted length rather than touching the caller's datagram.
        byte[]? rented = null;
        var copy = prefix.Length <= StackCopyLimit
            ? stackalloc byte[StackCopyLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(prefix.Length));
        copy = copy[..prefix.Length];
        prefix.CopyTo(copy);
        BinaryPrimitives.WriteUInt16BigEndian(copy[2..], lengthForHmac);
        HMACSHA1.HashData(key, copy, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The FINGERPRINT value for the message preceding the attribute (RFC 8489 section 14.7).</summary>
    public static uint ComputeFingerprint(ReadOnlySpan<byte> prefix) => Crc32.Compute(prefix) ^ FingerprintXor;
}
