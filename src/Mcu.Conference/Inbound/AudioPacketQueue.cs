namespace Mcu.Conference.Inbound;

/// <summary>
/// Opus packets from a participant's network loop (the one producer) to the room clock (the one
/// consumer): a small preallocated ring, lock-free. When the clock falls behind the ring fills
/// and new packets are dropped and counted; the jitter buffer conceals the gap.
/// </summary>
internal sealed class AudioPacketQueue
{
    public const int MaxPayload = 1500;

    private readonly Slot[] _slots;
    private long _head; // next to read (consumer)
    private long _tail; // next to write (producer)
    private long _dropped;

    public AudioPacketQueue(int capacity = 32)
    {
        _slots = new Slot[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _slots[i] = new Slot();
        }
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Producer side. False (and counted) when full or the payload is too large.</summary>
    public bool TryEnqueue(ushort sequenceNumber, uint timestamp, TimeSpan arrival, ReadOnlySpan<byte> payload, byte? level)
    {
        var tail = _tail;
        if (tail - Volatile.Read(ref _head) >= _slots.Length || payload.Length > MaxPayload)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
        var slot = _slots[tail % _slots.Length];
        slot.SequenceNumber = sequenceNumber;
        slot.Timestamp = timestamp;
        slot.Arrival = arrival;
        slot.Level = level;
        slot.Length = payload.Length;
        payload.CopyTo(slot.Data);
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>Consumer side: hands each waiting packet to <paramref name="sink"/> in arrival order.</summary>
    public int Drain<TSink>(ref TSink sink)
        where TSink : struct, IAudioPacketSink
    {
        var count = 0;
        var tail = Volatile.Read(ref _tail);
        for (var head = _head; head < tail; head++)
        {
            var slot = _slots[head % _slots.Length];
            sink.Accept(slot.SequenceNumber, slot.Timestamp, slot.Arrival, slot.Data.AsSpan(0, slot.Length), slot.Level);
            Volatile.Write(ref _head, head + 1);
            count++;
        }
        return count;
    }

    private sealed class Slot
    {
        public readonly byte[] Data = new byte[MaxPayload];
        public ushort SequenceNumber;
        public uint Timestamp;
        public TimeSpan Arrival;
        public byte? Level;
        public int Length;
    }
}

/// <summary>Receives drained packets without a delegate allocation.</summary>
internal interface IAudioPacketSink
{
    void Accept(ushort sequenceNumber, uint timestamp, TimeSpan arrival, ReadOnlySpan<byte> payload, byte? level);
}
