using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>
/// XR (RFC 3611): report blocks of type, type-specific octet and length. Receiver Reference Time (BT 4) and
/// DLRR (BT 5) are read and written, letting a media receiver measure RTT; other blocks are skipped.
/// </summary>
public readonly ref struct ExtendedReport
{
    public const byte ReceiverReferenceTimeBlockType = 4;
    public const byte DlrrBlockType = 5;

    private const int BlockHeaderLength = 4;
    private const int DlrrSubBlockSize = 12;
    private const int RrtrBlockLength = BlockHeaderLength + 8;

    /// <summary>Size of an XR packet holding one Receiver Reference Time block.</summary>
    public const int ReceiverReferenceTimeSize = RtcpHeader.Size + 4 + RrtrBlockLength;

    private readonly ReadOnlySpan<byte> _blocks;

    private ExtendedReport(uint ssrc, ReadOnlySpan<byte> blocks)
    {
        Ssrc = ssrc;
        _blocks = blocks;
    }

    public uint Ssrc { get; }

    /// <summary>False unless every block's length word fits and RRTR/DLRR blocks have their defined sizes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out ExtendedReport report)
    {
        report = default;
        if (!RtcpHeader.TryGetBody(packet, RtcpPacketType.ExtendedReport, -1, out _, out var body) || body.Length < 4)
        {
            return false;
        }
        var blocks = body[4..];
        var position = 0;
        while (position < blocks.Length)
        {
            if (blocks.Length - position < BlockHeaderLength)
            {
                return false;
            }
            var type = blocks[position];
            var length = 4 * BinaryPrimitives.ReadUInt16BigEndian(blocks[(position + 2)..]);
            if (length > blocks.Length - position - BlockHeaderLength ||
                (type == ReceiverReferenceTimeBlockType && length != 8) ||
                (type == DlrrBlockType && length % DlrrSubBlockSize != 0))
            {
                return false;
            }
            position += BlockHeaderLength + length;
        }
        report = new ExtendedReport(BinaryPrimitives.ReadUInt32BigEndian(body), blocks);
        return true;
    }

    /// <summary>The NTP timestamp of the first Receiver Reference Time block.</summary>
    public bool TryGetReceiverReferenceTime(out NtpTimestamp timestamp)
    {
        if (TryFindBlock(ReceiverReferenceTimeBlockType, out var content))
        {
            timestamp = new NtpTimestamp(BinaryPrimitives.ReadUInt64BigEndian(content));
            return true;
        }
        timestamp = default;
        return false;
    }

    /// <summary>Number of sub-blocks in the first DLRR block (0 when there is none).</summary>
    public int DlrrCount => TryFindBlock(DlrrBlockType, out var content) ? content.Length / DlrrSubBlockSize : 0;

    public DlrrSubBlock GetDlrr(int index)
    {
        if (!TryFindBlock(DlrrBlockType, out var content) || (uint)index >= (uint)(content.Length / DlrrSubBlockSize))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index));
        }
        var sub = content[(index * DlrrSubBlockSize)..];
        return new DlrrSubBlock(
            BinaryPrimitives.ReadUInt32BigEndian(sub),
            BinaryPrimitives.ReadUInt32BigEndian(sub[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(sub[8..]));
    }

    private bool TryFindBlock(byte type, out ReadOnlySpan<byte> content)
    {
        var position = 0;
        while (_blocks.Length - position >= BlockHeaderLength)
        {
            var length = 4 * BinaryPrimitives.ReadUInt16BigEndian(_blocks[(position + 2)..]);
            if (_blocks[position] == type)
            {
                content = _blocks.Slice(position + BlockHeaderLength, length);
                return true;
            }
            position += BlockHeaderLength + length;
        }
        content = default;
        return false;
    }

    public static bool TryWriteReceiverReferenceTime(Span<byte> destination, uint ssrc, NtpTimestamp timestamp, out int written)
    {
        written = 0;
        if (destination.Length < ReceiverReferenceTimeSize)
        {
            return false;
        }
        RtcpHeader.Write(destination, 0, RtcpPacketType.ExtendedReport, ReceiverReferenceTimeSize);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        var block = destination[8..];
        block[0] = ReceiverReferenceTimeBlockType;
        block[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(block[2..], 2);
        BinaryPrimitives.WriteUInt64BigEndian(block[4..], timestamp.Value);
        written = ReceiverReferenceTimeSize;
        return true;
    }

    public static int GetDlrrSize(int subBlockCount) => RtcpHeader.Size + 4 + BlockHeaderLength + (subBlockCount * DlrrSubBlockSize);

    public static bool TryWriteDlrr(Span<byte> destination, uint ssrc, ReadOnlySpan<DlrrSubBlock> subBlocks, out int written)
    {
        written = 0;
        var size = GetDlrrSize(subBlocks.Length);
        if (subBlocks.IsEmpty || subBlocks.Length * 3 > ushort.MaxValue || size > (ushort.MaxValue + 1) * 4 || destination.Length < size)
        {
            return false;
        }
        RtcpHeader.Write(destination, 0, RtcpPacketType.ExtendedReport, size);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        var block = destination[8..];
        block[0] = DlrrBlockType;
        block[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(block[2..], (ushort)(subBlocks.Length * 3));
        for (var i = 0; i < subBlocks.Length; i++)
        {
            var sub = block[(BlockHeaderLength + (i * DlrrSubBlockSize))..];
            BinaryPrimitives.WriteUInt32BigEndian(sub, subBlocks[i].Ssrc);
            BinaryPrimitives.WriteUInt32BigEndian(sub[4..], subBlocks[i].LastReceiverReport);
            BinaryPrimitives.WriteUInt32BigEndian(sub[8..], subBlocks[i].DelaySinceLastReceiverReport);
        }
        written = size;
        return true;
    }
}
