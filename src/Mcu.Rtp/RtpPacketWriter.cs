using System.Buffers.Binary;

namespace Mcu.Rtp;

/// <summary>
/// Writes an RTP fixed header, CSRCs and RFC 8285 extensions into a caller buffer; the payload follows
/// at <see cref="FinishHeader"/>'s offset. The one-byte form is chosen automatically when every element
/// allows it, otherwise the two-byte form.
/// </summary>
public ref struct RtpPacketWriter
{
    // Elements are staged in two-byte form (id, length, value) and compacted to one-byte form on finish
    // when possible; compaction only moves bytes left, so it is safe in place.
    private const int BlockHeaderLength = 4;
    private const int MaxPadding = 3;

    private readonly Span<byte> _buffer;
    private readonly int _extensionStart;
    private int _position;
    private int _elementCount;
    private bool _allFitOneByte;
    private int _headerLength;

    private RtpPacketWriter(Span<byte> buffer, int extensionStart)
    {
        _buffer = buffer;
        _extensionStart = extensionStart;
        _position = extensionStart + BlockHeaderLength;
        _allFitOneByte = true;
        _headerLength = -1;
    }

    /// <summary>Bytes the header will take with the given extension values (worst case: two-byte form).</summary>
    public static int GetMaxHeaderSize(int csrcCount, int extensionCount, int totalExtensionValueBytes) =>
        RtpPacket.FixedHeaderLength + (4 * csrcCount) +
        (extensionCount == 0 ? 0 : BlockHeaderLength + (2 * extensionCount) + totalExtensionValueBytes + MaxPadding);

    public static bool TryCreate(Span<byte> buffer, in RtpHeader header, out RtpPacketWriter writer) =>
        TryCreate(buffer, header, default, out writer);

    /// <summary>Writes the fixed header and CSRCs; false if the buffer is too small or there are more than 15 CSRCs.</summary>
    public static bool TryCreate(Span<byte> buffer, in RtpHeader header, ReadOnlySpan<uint> csrcs, out RtpPacketWriter writer)
    {
        writer = default;
        var fixedLength = RtpPacket.FixedHeaderLength + (4 * csrcs.Length);
        if (csrcs.Length > 15 || header.PayloadType > 127 || buffer.Length < fixedLength)
        {
            return false;
        }
        buffer[0] = (byte)((RtpPacket.Version << 6) | csrcs.Length);
        buffer[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], header.Ssrc);
        for (var i = 0; i < csrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(RtpPacket.FixedHeaderLength + (4 * i))..], csrcs[i]);
        }
        writer = new RtpPacketWriter(buffer, fixedLength);
        return true;
    }

    /// <summary>Adds an element with a copy of the value.</summary>
    public bool TryAddExtension(int id, ReadOnlySpan<byte> value)
    {
        if (!TryAddExtension(id, value.Length, out var slot))
        {
            return false;
        }
        value.CopyTo(slot);
        return true;
    }

    /// <summary>
    /// Reserves an element of the given length for the caller to fill. The span is valid only until
    /// <see cref="FinishHeader"/>, which may move it.
    /// </summary>
    public bool TryAddExtension(int id, int length, out Span<byte> value)
    {
        value = default;
        // Two-byte form: ids 1-255, lengths 0-255 (RFC 8285 section 4.3).
        if (_headerLength >= 0 || id is < 1 or > 255 || length is < 0 or > 255 ||
            _buffer.Length - _position < 2 + length + MaxPadding)
        {
            return false;
        }
        _buffer[_position] = (byte)id;
        _buffer[_position + 1] = (byte)length;
        value = _buffer.Slice(_position + 2, length);
        _position += 2 + length;
        _elementCount++;
        // One-byte form: ids 1-14, lengths 1-16 (RFC 8285 section 4.2).
        _allFitOneByte &= id <= 14 && length is >= 1 and <= 16;
        return true;
    }

    /// <summary>Closes the extension block (if any) and returns the header length, where the payload starts.</summary>
    public int FinishHeader()
    {
        if (_headerLength >= 0)
        {
            return _headerLength;
        }
        if (_elementCount == 0)
        {
            _buffer[0] &= 0xEF;
            _headerLength = _extensionStart;
            return _headerLength;
        }
        var dataStart = _extensionStart + BlockHeaderLength;
        var end = _position;
        ushort profile = RtpHeaderExtensions.TwoByteProfile;
        if (_allFitOneByte)
        {
            profile = RtpHeaderExtensions.OneByteProfile;
            int read = dataStart, write = dataStart;
            for (var i = 0; i < _elementCount; i++)
            {
                int id = _buffer[read], length = _buffer[read + 1];
                _buffer[write] = (byte)((id << 4) | (length - 1));
                _buffer.Slice(read + 2, length).CopyTo(_buffer[(write + 1)..]);
                read += 2 + length;
                write += 1 + length;
            }
            end = write;
        }
        while (((end - dataStart) & 3) != 0)
        {
            _buffer[end++] = 0;
        }
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_extensionStart..], profile);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(_extensionStart + 2)..], (ushort)((end - dataStart) / 4));
        _buffer[0] |= 0x10;
        _headerLength = end;
        return _headerLength;
    }

    /// <summary>Finishes the header and copies the payload after it.</summary>
    public bool TryWritePayload(ReadOnlySpan<byte> payload, out int packetLength)
    {
        var headerLength = FinishHeader();
        if (_buffer.Length - headerLength < payload.Length)
        {
            packetLength = 0;
            return false;
        }
        payload.CopyTo(_buffer[headerLength..]);
        packetLength = headerLength + payload.Length;
        return true;
    }

    /// <summary>
    /// Appends RFC 3550 padding to a finished packet of <paramref name="packetLength"/> bytes and sets P;
    /// <paramref name="paddingLength"/> counts the final count octet too.
    /// </summary>
    public static bool TryAppendPadding(Span<byte> packet, int packetLength, int paddingLength, out int newLength)
    {
        newLength = packetLength;
        if (paddingLength is < 1 or > 255 || packetLength < RtpPacket.FixedHeaderLength ||
            packet.Length - packetLength < paddingLength)
        {
            return false;
        }
        packet.Slice(packetLength, paddingLength - 1).Clear();
        packet[packetLength + paddingLength - 1] = (byte)paddingLength;
        packet[0] |= 0x20;
        newLength = packetLength + paddingLength;
        return true;
    }
}
