using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>One SDES chunk: an SSRC and its items (RFC 3550 section 6.5); validated by <see cref="SourceDescription.TryParse"/>.</summary>
public readonly ref struct SdesChunk
{
    private readonly ReadOnlySpan<byte> _items;

    internal SdesChunk(uint ssrc, ReadOnlySpan<byte> items)
    {
        Ssrc = ssrc;
        _items = items;
    }

    public uint Ssrc { get; }

    public bool TryGetItem(SdesItemType type, out ReadOnlySpan<byte> value)
    {
        foreach (var item in this)
        {
            if (item.Type == type)
            {
                value = item.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public Enumerator GetEnumerator() => new(_items);

    /// <summary>Reads the chunk at the start of <paramref name="data"/>; returns its length including the end item and padding, or -1.</summary>
    internal static int Measure(ReadOnlySpan<byte> data, out SdesChunk chunk)
    {
        chunk = default;
        if (data.Length < 4)
        {
            return -1;
        }
        var position = 4;
        while (true)
        {
            if (position >= data.Length)
            {
                return -1;
            }
            if (data[position] == (byte)SdesItemType.End)
            {
                break;
            }
            if (data.Length - position < 2 || data[position + 1] > data.Length - position - 2)
            {
                return -1;
            }
            position += 2 + data[position + 1];
        }
        chunk = new SdesChunk(BinaryPrimitives.ReadUInt32BigEndian(data), data[4..position]);
        // The end item plus null octets up to the next 32-bit boundary.
        var end = (position + 4) & ~3;
        return end <= data.Length ? end : -1;
    }

    /// <summary>Enumerates items of an already validated chunk.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _items;
        private int _position;

        internal Enumerator(ReadOnlySpan<byte> items)
        {
            _items = items;
            Current = default;
        }

        public SdesItem Current { get; private set; }

        public bool MoveNext()
        {
            if (_items.Length - _position < 2)
            {
                return false;
            }
            var length = _items[_position + 1];
            if (length > _items.Length - _position - 2)
            {
                return false;
            }
            Current = new SdesItem((SdesItemType)_items[_position], _items.Slice(_position + 2, length));
            _position += 2 + length;
            return true;
        }
    }
}
