using System.Buffers.Binary;
using System.Text;

namespace Mcu.Recording.Matroska;

/// <summary>
/// Writes EBML elements (RFC 8794) front to back into a span the caller has sized: element IDs
/// with their marker bits, variable-size integers (VINTs) for data sizes, and the typed payloads.
/// </summary>
internal ref struct EbmlWriter
{
    /// <summary>The reserved all-ones 8-octet size: "unknown", the element runs until its parent ends (RFC 8794 section 6.2).</summary>
    public const ulong UnknownSize8 = 0x01FF_FFFF_FFFF_FFFF;

    private static readonly DateTimeOffset MatroskaEpoch = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Span<byte> _buffer;

    public EbmlWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly ReadOnlySpan<byte> Written => _buffer[..Position];

    /// <summary>Octets of an element ID: its marker bit is already part of the value.</summary>
    public static int IdLength(uint id) => id switch
    {
        <= 0xFF => 1,
        <= 0xFFFF => 2,
        <= 0xFF_FFFF => 3,
        _ => 4,
    };

    /// <summary>Octets of the shortest VINT for a data size; the all-ones value of each width is reserved (RFC 8794 section 4.4).</summary>
    public static int SizeLength(ulong size)
    {
        var length = 1;
        while (length < 8 && size > (1UL << (7 * length)) - 2)
        {
            length++;
        }
        return length;
    }

    /// <summary>Octets of an unsigned integer payload (at least one).</summary>
    public static int UnsignedLength(ulong value)
    {
        var length = 1;
        while (length < 8 && value >> (8 * length) != 0)
        {
            length++;
        }
        return length;
    }

    /// <summary>Whole size of an element with <paramref name="payloadLength"/> octets of data.</summary>
    public static int ElementSize(uint id, int payloadLength) => IdLength(id) + SizeLength((ulong)payloadLength) + payloadLength;

    public void WriteId(uint id)
    {
        var length = IdLength(id);
        for (var i = length - 1; i >= 0; i--)
        {
            _buffer[Position++] = (byte)(id >> (8 * i));
        }
    }

    public void WriteSize(ulong size) => WriteSize(size, SizeLength(size));

    /// <summary>Writes a size as a VINT of a given width: the marker bit sits at bit 8 - width of the first octet.</summary>
    public void WriteSize(ulong size, int width)
    {
        var value = size | (1UL << (7 * width));
        for (var i = width - 1; i >= 0; i--)
        {
            _buffer[Position++] = (byte)(value >> (8 * i));
        }
    }

    /// <summary>Writes the 8-octet "unknown" size (RFC 8794 section 6.2): used for the Segment while recording.</summary>
    public void WriteUnknownSize()
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer[Position..], UnknownSize8);
        Position += 8;
    }

    public void WriteUnsigned(uint id, ulong value)
    {
        var length = UnsignedLength(value);
        WriteId(id);
        WriteSize((ulong)length);
        for (var i = length - 1; i >= 0; i--)
        {
            _buffer[Position++] = (byte)(value >> (8 * i));
        }
    }

    /// <summary>Writes an unsigned integer in exactly 8 octets, so the element can be patched in place later.</summary>
    public void WriteUnsignedFixed(uint id, ulong value)
    {
        WriteId(id);
        WriteSize(8);
        BinaryPrimitives.WriteUInt64BigEndian(_buffer[Position..], value);
        Position += 8;
    }

    /// <summary>A date: signed nanoseconds since 2001-01-01T00:00:00 UTC in 8 octets (RFC 8794 section 7.6).</summary>
    public void WriteDate(uint id, DateTimeOffset value)
    {
        WriteId(id);
        WriteSize(8);
        var nanoseconds = (value.UtcTicks - MatroskaEpoch.UtcTicks) * 100;
        BinaryPrimitives.WriteInt64BigEndian(_buffer[Position..], nanoseconds);
        Position += 8;
    }

    public void WriteFloat(uint id, double value)
    {
        WriteId(id);
        WriteSize(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer[Position..], value);
        Position += 8;
    }

    /// <summary>Writes a string or UTF-8 element (ASCII text is the same octets).</summary>
    public void WriteString(uint id, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteId(id);
        WriteSize((ulong)length);
        Position += Encoding.UTF8.GetBytes(value, _buffer[Position..]);
    }

    public void WriteBinary(uint id, scoped ReadOnlySpan<byte> value)
    {
        WriteId(id);
        WriteSize((ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteRaw(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[Position..]);
        Position += bytes.Length;
    }

    /// <summary>
    /// Starts a master element whose size is patched by <see cref="EndMaster"/>; the size field is
    /// <paramref name="sizeWidth"/> octets wide. Returns where the children start.
    /// </summary>
    public int BeginMaster(uint id, int sizeWidth = 4)
    {
        WriteId(id);
        Position += sizeWidth;
        return Position;
    }

    public void EndMaster(int childrenStart, int sizeWidth = 4)
    {
        var end = Position;
        Position = childrenStart - sizeWidth;
        WriteSize((ulong)(end - childrenStart), sizeWidth);
        Position = end;
    }

    /// <summary>Writes a Void element of exactly <paramref name="totalLength"/> octets (at least 2): space reserved for later.</summary>
    public void WriteVoid(int totalLength)
    {
        var sizeWidth = totalLength - 1 > 127 ? 8 : 1;
        var payload = totalLength - 1 - sizeWidth;
        WriteId(MatroskaIds.Void);
        WriteSize((ulong)payload, sizeWidth);
        _buffer.Slice(Position, payload).Clear();
        Position += payload;
    }
}
