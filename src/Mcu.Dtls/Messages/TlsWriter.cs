using System.Buffers.Binary;

namespace Mcu.Dtls.Messages;

/// <summary>
/// A big-endian writer of TLS structures into a buffer the caller sized from the message's known bounds;
/// running past it is a programming error and throws.
/// </summary>
internal ref struct TlsWriter
{
    private readonly Span<byte> _buffer;

    public TlsWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly ReadOnlySpan<byte> Written => _buffer[..Position];

    public void WriteUInt8(byte value)
    {
        _buffer[Position] = value;
        Position++;
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[Position..], value);
        Position += 2;
    }

    public void WriteUInt24(int value)
    {
        WriteUInt24(_buffer[Position..], value);
        Position += 3;
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer[Position..]);
        Position += value.Length;
    }

    public void WriteVector8(ReadOnlySpan<byte> value)
    {
        WriteUInt8(checked((byte)value.Length));
        WriteBytes(value);
    }

    public void WriteVector16(ReadOnlySpan<byte> value)
    {
        WriteUInt16(checked((ushort)value.Length));
        WriteBytes(value);
    }

    public void WriteVector24(ReadOnlySpan<byte> value)
    {
        WriteUInt24(value.Length);
        WriteBytes(value);
    }

    /// <summary>Writes a list of uint16 values as a vector with a two-byte length prefix.</summary>
    public void WriteUInt16Vector16(ReadOnlySpan<ushort> values)
    {
        WriteUInt16(checked((ushort)(values.Length * 2)));
        foreach (ushort value in values)
        {
            WriteUInt16(value);
        }
    }

    /// <summary>Reserves a length prefix of <paramref name="lengthSize"/> bytes; <see cref="EndVector"/> fills it in.</summary>
    public int BeginVector(int lengthSize)
    {
        int start = Position;
        _buffer.Slice(Position, lengthSize).Clear();
        Position += lengthSize;
        return start;
    }

    public readonly void EndVector(int start, int lengthSize)
    {
        int length = Position - start - lengthSize;
        Span<byte> prefix = _buffer.Slice(start, lengthSize);
        switch (lengthSize)
        {
            case 1:
                prefix[0] = checked((byte)length);
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(prefix, checked((ushort)length));
                break;
            default:
                WriteUInt24(prefix, length);
                break;
        }
    }

    private static void WriteUInt24(Span<byte> destination, int value)
    {
        destination[0] = (byte)(value >> 16);
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)value;
    }
}
