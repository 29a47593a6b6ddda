namespace Mcu.Server.Signaling;

/// <summary>
/// A token bucket for one connection's messages: <see cref="Burst"/> at once, refilled at
/// <see cref="PerSecond"/>. Sans-IO: the caller passes a monotonic <c>now</c>.
/// </summary>
internal sealed class MessageBudget
{
    private readonly double _perSecond;
    private double _tokens;
    private TimeSpan _last;

    public MessageBudget(double perSecond, int burst, TimeSpan now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _perSecond = perSecond;
        Burst = burst;
        _tokens = burst;
        _last = now;
    }

    public double PerSecond => _perSecond;

    public int Burst { get; }

    /// <summary>Spends one message; false when the connection is over its rate.</summary>
    public bool TryTake(TimeSpan now)
    {
        if (now > _last)
        {
            _tokens = Math.Min(Burst, _tokens + ((now - _last).TotalSeconds * _perSecond));
            _last = now;
        }
        if (_tokens < 1)
        {
            return false;
        }
        _tokens--;
        return true;
    }
}
