namespace Mcu.Recording.Matroska;

/// <summary>
/// One Cluster assembled in memory and handed out whole, with its size known, when it closes:
/// a file written cluster by cluster only ever ends between complete Clusters. The buffer is
/// reused from cluster to cluster.
/// </summary>
internal sealed class ClusterBuilder
{
    private const int SizeWidth = 8;

    private byte[] _buffer;
    private int _length;
    private int _childrenStart;

    public ClusterBuilder(int initialCapacity = 256 * 1024)
    {
        _buffer = new byte[initialCapacity];
    }

    public bool IsOpen { get; private set; }

    /// <summary>The Cluster's timestamp; its blocks are stored relative to it.</summary>
    public long Timestamp { get; private set; }

    public void Open(long timestamp)
    {
        Timestamp = timestamp;
        var w = new EbmlWriter(_buffer);
        _childrenStart = w.BeginMaster(MatroskaIds.Cluster, SizeWidth);
        w.WriteUnsigned(MatroskaIds.Timestamp, (ulong)timestamp);
        _length = w.Position;
        IsOpen = true;
    }

    /// <summary>Adds a frame; false when its timestamp is too far from the Cluster's for the signed 16-bit offset.</summary>
    public bool TryAdd(int track, long timestamp, bool keyframe, ReadOnlySpan<byte> frame)
    {
        var relative = timestamp - Timestamp;
        if (!IsOpen || relative is < short.MinValue or > short.MaxValue)
        {
            return false;
        }
        var size = SimpleBlock.GetSize(frame.Length);
        if (_buffer.Length - _length < size)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        }
        _length += SimpleBlock.Write(_buffer.AsSpan(_length), track, (short)relative, keyframe, frame);
        return true;
    }

    /// <summary>Ends the Cluster and returns its bytes, valid until the next <see cref="Open"/>.</summary>
    public ReadOnlySpan<byte> Close()
    {
        var w = new EbmlWriter(_buffer.AsSpan(_childrenStart - SizeWidth));
        w.WriteSize((ulong)(_length - _childrenStart), SizeWidth);
        IsOpen = false;
        return _buffer.AsSpan(0, _length);
    }
}
