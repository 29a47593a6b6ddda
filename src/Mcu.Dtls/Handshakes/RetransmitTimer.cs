namespace Mcu.Dtls.Handshakes;

/// <summary>
/// The flight retransmission timer: starts at the initial timeout for each new flight, doubles on every
/// retransmission up to a cap, and gives up after a retry limit (RFC 6347 section 4.2.4.1).
/// </summary>
internal struct RetransmitTimer
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly int _maxRetransmissions;
    private TimeSpan _current;

    public RetransmitTimer(TimeSpan initial, TimeSpan max, int maxRetransmissions)
    {
        _initial = initial;
        _max = max;
        _maxRetransmissions = maxRetransmissions;
    }

    public TimeSpan? Deadline { get; private set; }

    public int Retransmissions { get; private set; }

    public void Start(TimeSpan now)
    {
        _current = _initial;
        Retransmissions = 0;
        Deadline = now + _current;
    }

    public void Stop() => Deadline = null;

    public readonly bool IsDue(TimeSpan now) => Deadline is { } deadline && now >= deadline;

    /// <summary>Arms the next, doubled timeout; false (and stopped) once the retry limit is reached.</summary>
    public bool TryBackOff(TimeSpan now)
    {
        if (Retransmissions >= _maxRetransmissions)
        {
            Deadline = null;
            return false;
        }

        Retransmissions++;
        _current = _current * 2 > _max ? _max : _current * 2;
        Deadline = now + _current;
        return true;
    }
}
