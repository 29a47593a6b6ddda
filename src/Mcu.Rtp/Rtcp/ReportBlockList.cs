namespace Mcu.Rtp.Rtcp;

/// <summary>The report blocks of an SR or RR, read on demand from the packet bytes.</summary>
public readonly ref struct ReportBlockList
{
    private readonly ReadOnlySpan<byte> _data;

    internal ReportBlockList(ReadOnlySpan<byte> data, int count)
    {
        _data = data;
        Count = count;
    }

    public int Count { get; }

    public ReportBlock this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(index));
            }
            return ReportBlock.Read(_data[(index * ReportBlock.Size)..]);
        }
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the blocks in order.</summary>
    public ref struct Enumerator
    {
        private readonly ReportBlockList _list;
        private int _index;

        internal Enumerator(ReportBlockList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly ReportBlock Current => _list[_index];

        public bool MoveNext() => ++_index < _list.Count;
    }
}
