namespace Mcu.Recording;

/// <summary>One slot of the <see cref="FrameQueue"/>: a copy of a tapped frame; its buffer is reused.</summary>
internal sealed class QueuedFrame
{
    private byte[] _buffer;

    public QueuedFrame(int initialCapacity)
    {
        _buffer = new byte[initialCapacity];
    }

    public MediaKind Kind { get; private set; }

    public bool IsKeyframe { get; private set; }

    /// <summary>Video: pts on the room's 90 kHz clock; audio: the first sample's index on its 48 kHz clock.</summary>
    public long Timestamp { get; private set; }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, Length);

    public void Fill(MediaKind kind, bool isKeyframe, long timestamp, ReadOnlySpan<byte> data)
    {
        if (_buffer.Length < data.Length)
        {
            // Grows to the largest frame seen; after warm-up a slot is reused without allocating.
            _buffer = new byte[Math.Max(data.Length, _buffer.Length * 2)];
        }
        data.CopyTo(_buffer);
        Kind = kind;
        IsKeyframe = isKeyframe;
        Timestamp = timestamp;
        Length = data.Length;
    }
}
