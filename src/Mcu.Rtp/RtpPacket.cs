using System.Buffers.Binary;

namespace Mcu.Rtp;

/// <summary>A validated, zero-copy view of one RTP packet (RFC 3550 section 5.1).</summary>
public readonly ref struct RtpPacket
{
    /// <summary>Bytes before the CSRC list.</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>The only RTP version there is.</summary>
    public const int Version = 2;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _extensionOffset;
    private readonly int _extensionLength;

    private RtpPacket(ReadOnlySpan<byte> data, int headerLength, int paddingLength, int extensionOffset, int extensionLength)
    {
        _data = data;
        HeaderLength = headerLength;
        PaddingLength = paddingLength;
        _extensionOffset = extensionOffset;
        _extensionLength = extensionLength;
    }

    /// <summary>The whole packet as parsed.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>Fixed header, CSRCs and extension block.</summary>
    public int HeaderLength { get; }

    /// <summary>Trailing padding octets, including the count octet; 0 when P is clear.</summary>
    public int PaddingLength { get; }

    public bool HasPadding => (_data[0] & 0x20) != 0;

    public bool HasExtension => (_data[0] & 0x10) != 0;

    public int CsrcCount => _data[0] & 0x0F;

    public bool Marker => (_data[1] & 0x80) != 0;

    public byte PayloadType => (byte)(_data[1] & 0x7F);

    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_data[2..]);

    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_data[4..]);

    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_data[8..]);

    /// <summary>The header extension block (empty when X is clear).</summary>
    public RtpHeaderExtensions Extensions => HasExtension
        ? new RtpHeaderExtensions(
            BinaryPrimitives.ReadUInt16BigEndian(_data[(_extensionOffset - 4)..]),
            _data.Slice(_extensionOffset, _extensionLength))
        : default;

    /// <summary>The payload, padding excluded; empty for padding-only packets.</summary>
    public ReadOnlySpan<byte> Payload => _data[HeaderLength..(_data.Length - PaddingLength)];

    public uint GetCsrc(int index)
    {
        if ((uint)index >= (uint)CsrcCount)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index));
        }
        return BinaryPrimitives.ReadUInt32BigEndian(_data[(FixedHeaderLength + (4 * index))..]);
    }

    /// <summary>Validates every length in the header; false for anything that is not a well-formed RTP packet.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out RtpPacket packet)
    {
        packet = default;
        if (data.Length < FixedHeaderLength || data[0] >> 6 != Version)
        {
            return false;
        }
        var offset = FixedHeaderLength + (4 * (data[0] & 0x0F));
        if (offset > data.Length)
        {
            return false;
        }
        int extensionOffset = 0, extensionLength = 0;
        if ((data[0] & 0x10) != 0)
        {
            // RFC 3550 5.3.1: 16-bit profile word, 16-bit length in 32-bit words, then data.
            if (data.Length - offset < 4)
            {
                return false;
            }
            extensionLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]);
            extensionOffset = offset + 4;
            if (extensionLength > data.Length - extensionOffset)
            {
                return false;
            }
            offset = extensionOffset + extensionLength;
        }
        var padding = 0;
        if ((data[0] & 0x20) != 0)
        {
            // RFC 3550 5.1: the last octet counts the padding including itself, so 0 is invalid.
            padding = data[^1];
            if (padding == 0 || padding > data.Length - offset)
            {
                return false;
            }
        }
        packet = new RtpPacket(data, offset, padding, extensionOffset, extensionLength);
        return true;
    }
}
