using System.Collections.Concurrent;

namespace Mcu.Transport;

/// <summary>
/// A bounded pool of receive buffers. When every buffer is in flight (the loops are behind),
/// renting fails and the receiver drops the datagram instead of growing memory.
/// </summary>
public sealed class DatagramPool
{
    private readonly ConcurrentQueue<ReceivedDatagram> _free = new();
    private readonly int _limit;
    private int _created;

    public DatagramPool(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>Buffers currently handed out.</summary>
    public int InUse => Volatile.Read(ref _created) - _free.Count;

    public bool TryRent(out ReceivedDatagram datagram)
    {
        if (_free.TryDequeue(out datagram!))
        {
            return true;
        }
        if (Interlocked.Increment(ref _created) <= _limit)
        {
            datagram = new ReceivedDatagram();
            return true;
        }
        Interlocked.Decrement(ref _created);
        datagram = null!;
        return false;
    }

    public void Return(ReceivedDatagram datagram)
    {
        datagram.Session = null;
        datagram.Length = 0;
        _free.Enqueue(datagram);
    }
}
