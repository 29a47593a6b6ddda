namespace Mcu.Rtp.Vp8;

/// <summary>The RTP payloads of one frame, written one at a time into caller buffers by <see cref="TryWriteNext"/>.</summary>
public ref struct Vp8FramePayloads
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly int _baseSize;
    private readonly int _largerCount;
    private int _index;
    private int _offset;

    internal Vp8FramePayloads(ReadOnlySpan<byte> frame, int maxDataPerPacket, ushort pictureId)
    {
        _frame = frame;
        PictureId = pictureId;
        PacketCount = (frame.Length + maxDataPerPacket - 1) / maxDataPerPacket;
        _baseSize = frame.Length / PacketCount;
        _largerCount = frame.Length % PacketCount;
    }

    public int PacketCount { get; }

    public ushort PictureId { get; }

    /// <summary>True once every payload has been written.</summary>
    public readonly bool IsComplete => _index == PacketCount;

    /// <summary>True when the next payload written is the frame's last (its packet carries the marker bit).</summary>
    public readonly bool NextIsLast => _index == PacketCount - 1;

    /// <summary>
    /// Writes the next payload (descriptor + data). <paramref name="isLast"/> is true for the frame's last
    /// packet, which must carry the RTP marker bit. False when done or the destination is too small.
    /// </summary>
    public bool TryWriteNext(Span<byte> destination, out int written, out bool isLast)
    {
        written = 0;
        isLast = false;
        if (_index >= PacketCount)
        {
            return false;
        }
        var dataSize = _baseSize + (_index < _largerCount ? 1 : 0);
        if (destination.Length < Vp8Packetizer.DescriptorSize + dataSize)
        {
            return false;
        }
        var descriptor = new Vp8PayloadDescriptor
        {
            StartOfPartition = _index == 0,
            HasPictureId = true,
            LongPictureId = true,
            PictureId = PictureId,
        };
        descriptor.TryWrite(destination, out var descriptorSize);
        _frame.Slice(_offset, dataSize).CopyTo(destination[descriptorSize..]);
        _offset += dataSize;
        _index++;
        written = descriptorSize + dataSize;
        isLast = _index == PacketCount;
        return true;
    }

    /// <summary>
    /// Writes the next payload as a whole RTP packet without extensions: the header's marker bit is set on the
    /// frame's last packet and cleared otherwise (RFC 7741 section 4.1). For extensions, create an
    /// <see cref="RtpPacketWriter"/> with Marker = <see cref="NextIsLast"/> and write the payload after its header.
    /// </summary>
    public bool TryWriteNextPacket(Span<byte> destination, in RtpHeader header, out int written)
    {
        written = 0;
        if (IsComplete || destination.Length < RtpPacket.FixedHeaderLength ||
            !RtpPacketWriter.TryCreate(destination, header with { Marker = NextIsLast }, out var writer))
        {
            return false;
        }
        var headerLength = writer.FinishHeader();
        if (!TryWriteNext(destination[headerLength..], out var payloadLength, out _))
        {
            return false;
        }
        written = headerLength + payloadLength;
        return true;
    }
}
