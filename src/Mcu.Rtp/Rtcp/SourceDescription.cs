using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>SDES: SC chunks of SSRC plus items (RFC 3550 section 6.5); every chunk and item length is validated.</summary>
public readonly ref struct SourceDescription
{
    public const int MaxChunks = 31;
    public const int MaxItemLength = 255;

    private readonly ReadOnlySpan<byte> _body;

    private SourceDescription(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        ChunkCount = chunkCount;
    }

    public int ChunkCount { get; }

    /// <summary>The CNAME of the first chunk that has one (the sender's own, in practice).</summary>
    public bool TryGetCanonicalName(out uint ssrc, out ReadOnlySpan<byte> cname)
    {
        foreach (var chunk in this)
        {
            if (chunk.TryGetItem(SdesItemType.CanonicalName, out cname))
            {
                ssrc = chunk.Ssrc;
                return true;
            }
        }
        ssrc = 0;
        cname = default;
        return false;
    }

    public Enumerator GetEnumerator() => new(_body, ChunkCount);

    public static bool TryParse(ReadOnlySpan<byte> packet, out SourceDescription description)
    {
        description = default;
        if (!RtcpHeader.TryGetBody(packet, RtcpPacketType.SourceDescription, -1, out var header, out var body))
        {
            return false;
        }
        var position = 0;
        for (var i = 0; i < header.Count; i++)
        {
            var length = SdesChunk.Measure(body[position..], out _);
            if (length < 0)
            {
                return false;
            }
            position += length;
        }
        description = new SourceDescription(body, header.Count);
        return true;
    }

    /// <summary>Size of an SDES packet with one chunk holding one CNAME item.</summary>
    public static int GetCanonicalNameSize(int cnameLength) => RtcpHeader.Size + 4 + ((2 + cnameLength + 1 + 3) & ~3);

    public static bool TryWriteCanonicalName(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname, out int written)
    {
        written = 0;
        var size = GetCanonicalNameSize(cname.Length);
        if (cname.Length > MaxItemLength || destination.Length < size)
        {
            return false;
        }
        RtcpHeader.Write(destination, 1, RtcpPacketType.SourceDescription, size);
        BinaryPrimitives.WriteUInt32BigEndian(destination[RtcpHeader.Size..], ssrc);
        var item = destination[(RtcpHeader.Size + 4)..size];
        item[0] = (byte)SdesItemType.CanonicalName;
        item[1] = (byte)cname.Length;
        cname.CopyTo(item[2..]);
        item[(2 + cname.Length)..].Clear();
        written = size;
        return true;
    }

    /// <summary>Enumerates the chunks of an already validated packet.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _body;
        private readonly int _count;
        private int _index;
        private int _position;

        internal Enumerator(ReadOnlySpan<byte> body, int count)
        {
            _body = body;
            _count = count;
            Current = default;
        }

        public SdesChunk Current { get; private set; }

        public bool MoveNext()
        {
            if (_index >= _count)
            {
                return false;
            }
            var length = SdesChunk.Measure(_body[_position..], out var chunk);
            if (length < 0)
            {
                return false;
            }
            Current = chunk;
            _position += length;
            _index++;
            return true;
        }
    }
}
