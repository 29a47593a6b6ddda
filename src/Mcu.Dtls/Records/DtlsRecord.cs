using System.Buffers.Binary;

namespace Mcu.Dtls.Records;

/// <summary>One DTLS record found in a datagram (RFC 6347 section 4.1), read in place.</summary>
internal readonly ref struct DtlsRecord
{
    public const int HeaderLength = 13;

    /// <summary>RFC 5246 section 6.2.3: a protected fragment is at most 2^14 + 2048 bytes.</summary>
    public const int MaxFragmentLength = (1 << 14) + 2048;

    /// <summary>RFC 5246 section 6.2.1: a plaintext fragment is at most 2^14 bytes.</summary>
    public const int MaxPlaintextLength = 1 << 14;

    /// <summary>DTLS 1.2 on the wire (RFC 6347 section 4.1: the one's complement of 1.2).</summary>
    public const ushort Dtls12 = 0xFEFD;

    /// <summary>DTLS 1.0, which clients may put on the record of their first ClientHello.</summary>
    public const ushort Dtls10 = 0xFEFF;

    public ContentType Type { get; private init; }

    public ushort Version { get; private init; }

    public ushort Epoch { get; private init; }

    /// <summary>The 48-bit record sequence number.</summary>
    public ulong SequenceNumber { get; private init; }

    public ReadOnlySpan<byte> Fragment { get; private init; }

    /// <summary>The whole record, header included, for buffering a record of the next epoch.</summary>
    public ReadOnlySpan<byte> Raw { get; private init; }

    /// <summary>
    /// Reads the record at the start of <paramref name="data"/>; false if the header is short, the version is not
    /// DTLS 1.0/1.2, or the length field exceeds the limit or the bytes present.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out DtlsRecord record, out int recordLength)
    {
        record = default;
        recordLength = 0;
        if (data.Length < HeaderLength)
        {
            return false;
        }

        ushort version = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
        int fragmentLength = BinaryPrimitives.ReadUInt16BigEndian(data[11..]);
        if ((version != Dtls12 && version != Dtls10) || fragmentLength > MaxFragmentLength || HeaderLength + fragmentLength > data.Length)
        {
            return false;
        }

        recordLength = HeaderLength + fragmentLength;
        record = new DtlsRecord
        {
            Type = (ContentType)data[0],
            Version = version,
            Epoch = BinaryPrimitives.ReadUInt16BigEndian(data[3..]),
            SequenceNumber = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(data[5..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(data[7..]),
            Fragment = data.Slice(HeaderLength, fragmentLength),
            Raw = data[..recordLength],
        };
        return true;
    }

    public static void WriteHeader(Span<byte> destination, ContentType type, ushort epoch, ulong sequenceNumber, int fragmentLength)
    {
        destination[0] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], Dtls12);
        WriteEpochAndSequence(destination[3..], epoch, sequenceNumber);
        BinaryPrimitives.WriteUInt16BigEndian(destination[11..], checked((ushort)fragmentLength));
    }

    /// <summary>Writes the 64-bit epoch || sequence_number that DTLS uses for the TLS seq_num (RFC 6347 section 4.1.2.1).</summary>
    public static void WriteEpochAndSequence(Span<byte> destination, ushort epoch, ulong sequenceNumber) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination, ((ulong)epoch << 48) | (sequenceNumber & 0xFFFF_FFFF_FFFF));
}
