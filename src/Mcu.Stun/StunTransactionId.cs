using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mcu.Stun;

/// <summary>A 96-bit STUN transaction id (RFC 8489 section 5), held by value so that matching needs no allocation.</summary>
public readonly struct StunTransactionId : IEquatable<StunTransactionId>
{
    private readonly ulong _high;
    private readonly uint _low;

    /// <summary>Reads an id from exactly <see cref="StunHeader.TransactionIdLength"/> bytes.</summary>
    public StunTransactionId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != StunHeader.TransactionIdLength)
        {
            ThrowHelper.ThrowWrongLength(nameof(bytes), StunHeader.TransactionIdLength, bytes.Length);
        }
        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _low = BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]);
    }

    /// <summary>
    /// A new id from <see cref="RandomNumberGenerator"/>: RFC 8489 section 5 asks for ids that
    /// are uniformly random so that off-path attackers cannot forge responses.
    /// </summary>
    public static StunTransactionId CreateRandom()
    {
        Span<byte> bytes = stackalloc byte[StunHeader.TransactionIdLength];
        RandomNumberGenerator.Fill(bytes);
        return new StunTransactionId(bytes);
    }

    /// <summary>Writes the 12 bytes in wire order.</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < StunHeader.TransactionIdLength)
        {
            ThrowHelper.ThrowWrongLength(nameof(destination), StunHeader.TransactionIdLength, destination.Length);
        }
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], _low);
    }

    /// <inheritdoc/>
    public bool Equals(StunTransactionId other) => _high == other._high && _low == other._low;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StunTransactionId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_high, _low);

    /// <summary>The id as 24 hex digits (for logs).</summary>
    public override string ToString() => $"{_high:x16}{_low:x8}";

    /// <summary>Equality by value.</summary>
    public static bool operator ==(StunTransactionId left, StunTransactionId right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(StunTransactionId left, StunTransactionId right) => !left.Equals(right);
}
