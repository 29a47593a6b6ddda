namespace Mcu.Dtls.Messages;

/// <summary>A handshake message fragment behind its 12-byte DTLS header (RFC 6347 section 4.2.2), read in place.</summary>
internal readonly ref struct HandshakeFragment
{
    public const int HeaderLength = 12;

    public HandshakeType Type { get; private init; }

    /// <summary>Length of the whole message body.</summary>
    public int MessageLength { get; private init; }

    public ushort MessageSequence { get; private init; }

    public int FragmentOffset { get; private init; }

    public ReadOnlySpan<byte> Data { get; private init; }

    /// <summary>Reads one fragment; false if the header is short, the data is missing, or offset + length exceeds the message.</summary>
    public static bool TryRead(scoped ref TlsReader reader, out HandshakeFragment fragment)
    {
        fragment = default;
        if (!reader.TryReadUInt8(out byte type)
            || !reader.TryReadUInt24(out int length)
            || !reader.TryReadUInt16(out ushort sequence)
            || !reader.TryReadUInt24(out int offset)
            || !reader.TryReadUInt24(out int fragmentLength)
            || offset + fragmentLength > length
            || !reader.TryReadBytes(fragmentLength, out ReadOnlySpan<byte> data))
        {
            return false;
        }

        fragment = new HandshakeFragment
        {
            Type = (HandshakeType)type,
            MessageLength = length,
            MessageSequence = sequence,
            FragmentOffset = offset,
            Data = data,
        };
        return true;
    }

    public static void WriteHeader(Span<byte> destination, HandshakeType type, int messageLength, ushort messageSequence, int fragmentOffset, int fragmentLength)
    {
        var writer = new TlsWriter(destination);
        writer.WriteUInt8((byte)type);
        writer.WriteUInt24(messageLength);
        writer.WriteUInt16(messageSequence);
        writer.WriteUInt24(fragmentOffset);
        writer.WriteUInt24(fragmentLength);
    }
}
