namespace Mcu.Rtp.Vp8;

/// <summary>
/// The VP8 payload descriptor that starts every VP8 RTP payload (RFC 7741 section 4.2): X, N, S, PID and the
/// optional PictureID (7 or 15 bits), TL0PICIDX and TID/Y/KEYIDX fields.
/// </summary>
public readonly record struct Vp8PayloadDescriptor
{
    public const int MaxSize = 6;

    /// <summary>X: the extension octet is present; implied when any optional field is present.</summary>
    public bool HasExtendedControlBits { get; init; }

    /// <summary>N: the frame can be discarded without affecting any other frame.</summary>
    public bool NonReference { get; init; }

    /// <summary>S: the payload starts a VP8 partition; set on the first packet of every frame.</summary>
    public bool StartOfPartition { get; init; }

    /// <summary>PID: partition index 0-7 of the first payload octet.</summary>
    public byte PartitionIndex { get; init; }

    public bool HasPictureId { get; init; }

    /// <summary>M: PictureID is 15 bits (two octets) rather than 7.</summary>
    public bool LongPictureId { get; init; }

    public ushort PictureId { get; init; }

    public bool HasTl0PicIdx { get; init; }

    /// <summary>Running index of temporal base layer frames.</summary>
    public byte Tl0PicIdx { get; init; }

    public bool HasTemporalLayerId { get; init; }

    /// <summary>TID: temporal layer index 0-3.</summary>
    public byte TemporalLayerId { get; init; }

    /// <summary>Y: the frame depends only on base-layer frames.</summary>
    public bool LayerSync { get; init; }

    public bool HasKeyIndex { get; init; }

    /// <summary>KEYIDX: temporal key frame index 0-31.</summary>
    public byte KeyIndex { get; init; }

    private bool HasExtension => HasExtendedControlBits || HasPictureId || HasTl0PicIdx || HasTemporalLayerId || HasKeyIndex;

    /// <summary>
    /// Reads the descriptor at the start of a VP8 RTP payload; <paramref name="length"/> is where the VP8 data
    /// starts. False when an announced field runs past the payload. Reserved bits are ignored (RFC 7741 4.2).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out Vp8PayloadDescriptor descriptor, out int length)
    {
        descriptor = default;
        length = 0;
        if (payload.IsEmpty)
        {
            return false;
        }
        var first = payload[0];
        var result = new Vp8PayloadDescriptor
        {
            NonReference = (first & 0x20) != 0,
            StartOfPartition = (first & 0x10) != 0,
            PartitionIndex = (byte)(first & 0x07),
        };
        var position = 1;
        if ((first & 0x80) != 0)
        {
            if (position >= payload.Length)
            {
                return false;
            }
            var flags = payload[position++];
            result = result with { HasExtendedControlBits = true };
            if ((flags & 0x80) != 0)
            {
                if (position >= payload.Length)
                {
                    return false;
                }
                var high = payload[position++];
                var isLong = (high & 0x80) != 0;
                ushort pictureId = (byte)(high & 0x7F);
                if (isLong)
                {
                    if (position >= payload.Length)
                    {
                        return false;
                    }
                    pictureId = (ushort)((pictureId << 8) | payload[position++]);
                }
                result = result with { HasPictureId = true, LongPictureId = isLong, PictureId = pictureId };
            }
            if ((flags & 0x40) != 0)
            {
                if (position >= payload.Length)
                {
                    return false;
                }
                result = result with { HasTl0PicIdx = true, Tl0PicIdx = payload[position++] };
            }
            var hasTid = (flags & 0x20) != 0;
            var hasKeyIndex = (flags & 0x10) != 0;
            if (hasTid || hasKeyIndex)
            {
                if (position >= payload.Length)
                {
                    return false;
                }
                var octet = payload[position++];
                // RFC 7741 4.2: TID/Y are ignored when T is 0, KEYIDX when K is 0.
                if (hasTid)
                {
                    result = result with { HasTemporalLayerId = true, TemporalLayerId = (byte)(octet >> 6), LayerSync = (octet & 0x20) != 0 };
                }
                if (hasKeyIndex)
                {
                    result = result with { HasKeyIndex = true, KeyIndex = (byte)(octet & 0x1F) };
                }
            }
        }
        descriptor = result;
        length = position;
        return true;
    }

    public int GetSize()
    {
        if (!HasExtension)
        {
            return 1;
        }
        var size = 2;
        if (HasPictureId)
        {
            size += LongPictureId ? 2 : 1;
        }
        if (HasTl0PicIdx)
        {
            size++;
        }
        if (HasTemporalLayerId || HasKeyIndex)
        {
            size++;
        }
        return size;
    }

    /// <summary>Writes the descriptor; false when it does not fit or a field is out of range.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        var size = GetSize();
        if (destination.Length < size || PartitionIndex > 7 || TemporalLayerId > 3 || KeyIndex > 31 ||
            PictureId > (LongPictureId ? 0x7FFF : 0x7F))
        {
            return false;
        }
        var extended = HasExtension;
        destination[0] = (byte)((extended ? 0x80 : 0) | (NonReference ? 0x20 : 0) | (StartOfPartition ? 0x10 : 0) | PartitionIndex);
        var position = 1;
        if (extended)
        {
            destination[position++] = (byte)((HasPictureId ? 0x80 : 0) | (HasTl0PicIdx ? 0x40 : 0) |
                                             (HasTemporalLayerId ? 0x20 : 0) | (HasKeyIndex ? 0x10 : 0));
            if (HasPictureId)
            {
                if (LongPictureId)
                {
                    destination[position++] = (byte)(0x80 | (PictureId >> 8));
                }
                destination[position++] = (byte)PictureId;
            }
            if (HasTl0PicIdx)
            {
                destination[position++] = Tl0PicIdx;
            }
            if (HasTemporalLayerId || HasKeyIndex)
            {
                destination[position++] = (byte)((HasTemporalLayerId ? (TemporalLayerId << 6) | (LayerSync ? 0x20 : 0) : 0) |
                                                 (HasKeyIndex ? KeyIndex : 0));
            }
        }
        written = position;
        return true;
    }
}
