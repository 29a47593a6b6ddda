using System.Buffers.Binary;

namespace Mcu.Dtls.Messages;

/// <summary>A bounds-checked big-endian cursor over TLS presentation-language data (RFC 5246 section 4).</summary>
internal ref struct TlsReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public TlsReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsEmpty => _position == _data.Length;

    public bool TryReadUInt8(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }

        value = _data[_position];
        _position++;
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        if (Remaining < 2)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        _position += 2;
        return true;
    }

    public bool TryReadUInt24(out int value)
    {
        if (Remaining < 3)
        {
            value = 0;
            return false;
        }

        value = (_data[_position] << 16) | (_data[_position + 1] << 8) | _data[_position + 2];
        _position += 3;
        return true;
    }

    public bool TryReadUInt48(out ulong value)
    {
        if (Remaining < 6)
        {
            value = 0;
            return false;
        }

        value = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]) << 32)
            | BinaryPrimitives.ReadUInt32BigEndian(_data[(_position + 2)..]);
        _position += 6;
        return true;
    }

    public bool TryReadBytes(int count, out ReadOnlySpan<byte> value)
    {
        if ((uint)count > (uint)Remaining)
        {
            value = default;
            return false;
        }

        value = _data.Slice(_position, count);
        _position += count;
        return true;
    }

    /// <summary>Reads an opaque vector with a one-byte length prefix.</summary>
    public bool TryReadVector8(out ReadOnlySpan<byte> value)
    {
        value = default;
        return TryReadUInt8(out byte length) && TryReadBytes(length, out value);
    }

    /// <summary>Reads an opaque vector with a two-byte length prefix.</summary>
    public bool TryReadVector16(out ReadOnlySpan<byte> value)
    {
        value = default;
        return TryReadUInt16(out ushort length) && TryReadBytes(length, out value);
    }

    /// <summary>Reads an opaque vector with a three-byte length prefix.</summary>
    public bool TryReadVector24(out ReadOnlySpan<byte> value)
    {
        value = default;
        return TryReadUInt24(out int length) && TryReadBytes(length, out value);
    }
}
