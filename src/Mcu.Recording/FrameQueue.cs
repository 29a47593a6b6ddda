namespace Mcu.Recording;

/// <summary>
/// The bounded hand-off from the room clock thread to a recording's writer thread: a ring of
/// reusable slots. Enqueueing copies the frame and never waits for the consumer or allocates
/// once the slots have grown to the frame sizes in use; a full ring refuses the frame (the
/// caller counts it). One consumer. Nothing here needs disposing, so a producer that races a
/// stopping recorder can never hit a disposed object.
/// </summary>
internal sealed class FrameQueue
{
    private readonly QueuedFrame[] _slots;
    private readonly object _gate = new();
    private long _head; // next slot to fill; written by producers under the gate
    private long _tail; // next slot to read; written by the consumer
    private long _signals; // frames and wakes the consumer has not waited for yet; under the gate

    public FrameQueue(int capacity, int slotBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _slots = new QueuedFrame[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _slots[i] = new QueuedFrame(slotBytes);
        }
    }

    public int Capacity => _slots.Length;

    /// <summary>Frames waiting for the consumer.</summary>
    public int Count => (int)(Volatile.Read(ref _head) - Volatile.Read(ref _tail));

    public bool TryEnqueue(MediaKind kind, bool isKeyframe, long timestamp, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            var head = _head;
            if (head - Volatile.Read(ref _tail) >= _slots.Length)
            {
                return false;
            }
            _slots[head % _slots.Length].Fill(kind, isKeyframe, timestamp, data);
            Volatile.Write(ref _head, head + 1); // publishes the slot's contents
            Signal();
        }
        return true;
    }

    /// <summary>Blocks the consumer until a frame or a <see cref="Wake"/> it has not waited for yet.</summary>
    public void Wait()
    {
        lock (_gate)
        {
            while (_signals == 0)
            {
                Monitor.Wait(_gate);
            }
            _signals--;
        }
    }

    /// <summary>Wakes the consumer once without a frame (to stop it).</summary>
    public void Wake()
    {
        lock (_gate)
        {
            Signal();
        }
    }

    /// <summary>The oldest frame, left in place until <see cref="Advance"/>.</summary>
    public bool TryPeek(out QueuedFrame frame)
    {
        var tail = _tail;
        frame = _slots[tail % _slots.Length];
        return tail != Volatile.Read(ref _head);
    }

    /// <summary>Hands the peeked slot back to producers.</summary>
    public void Advance() => Volatile.Write(ref _tail, _tail + 1);

    private void Signal()
    {
        _signals++;
        Monitor.Pulse(_gate);
    }
}
