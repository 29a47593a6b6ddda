using System.Buffers.Binary;

namespace Mcu.Recording.Matroska;

/// <summary>A SimpleBlock (RFC 9559 section 10.2): track, timestamp relative to its Cluster, flags, one frame, no lacing.</summary>
internal static class SimpleBlock
{
    private const byte KeyframeFlag = 0x80;

    /// <summary>Track number VINT (one octet for tracks up to 126), 16-bit relative timestamp, flags.</summary>
    private const int BlockHeaderSize = 4;

    public static int GetSize(int frameLength) =>
        EbmlWriter.ElementSize(MatroskaIds.SimpleBlock, BlockHeaderSize + frameLength);

    public static int Write(Span<byte> destination, int track, short relativeTimestamp, bool keyframe, ReadOnlySpan<byte> frame)
    {
        var w = new EbmlWriter(destination);
        w.WriteId(MatroskaIds.SimpleBlock);
        w.WriteSize((ulong)(BlockHeaderSize + frame.Length));
        w.WriteSize((ulong)track, 1);
        Span<byte> header = stackalloc byte[3];
        BinaryPrimitives.WriteInt16BigEndian(header, relativeTimestamp);
        header[2] = keyframe ? KeyframeFlag : (byte)0;
        w.WriteRaw(header);
        w.WriteRaw(frame);
        return w.Position;
    }
}
