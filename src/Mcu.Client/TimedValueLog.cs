namespace Mcu.Client;

/// <summary>A value noted at a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
public readonly record struct TimedValue(long Timestamp, int Value);

/// <summary>
/// The most recent timed values of one kind (e.g. when a marker frame left, or what each received
/// frame showed), kept in a fixed ring: adding allocates nothing, so it may sit on the packet path.
/// Written by one thread, read by any.
/// </summary>
public sealed class TimedValueLog
{
    private readonly TimedValue[] _ring;
    private readonly Lock _lock = new();
    private long _written;

    public TimedValueLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new TimedValue[capacity];
    }

    /// <summary>Values added so far (older ones beyond the capacity are overwritten).</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _written;
            }
        }
    }

    public void Add(long timestamp, int value)
    {
        lock (_lock)
        {
            _ring[_written++ % _ring.Length] = new TimedValue(timestamp, value);
        }
    }

    /// <summary>The values still held, oldest first.</summary>
    public TimedValue[] Snapshot()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_written, _ring.Length);
            var copy = new TimedValue[count];
            for (var i = 0; i < count; i++)
            {
                copy[i] = _ring[(_written - count + i) % _ring.Length];
            }
            return copy;
        }
    }
}
