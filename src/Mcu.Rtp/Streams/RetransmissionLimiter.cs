namespace Mcu.Rtp.Streams;

/// <summary>
/// Per-receiver brake on retransmissions: each source sequence number at most once per RTT (a NACK repeated before
/// our resend could arrive is not a new loss), and a token bucket capping the retransmission bitrate so a receiver
/// on a collapsing link cannot make us flood it. Also counts what was served and refused for that receiver.
/// </summary>
public sealed class RetransmissionLimiter
{
    /// <summary>Used until the receiver's RTT is known.</summary>
    public static readonly TimeSpan DefaultRoundTripTime = TimeSpan.FromMilliseconds(100);

    private readonly ushort[] _sequenceNumbers;
    private readonly TimeSpan[] _resentAt;
    private readonly bool[] _used;
    private readonly double _bytesPerSecond;
    private readonly double _bucketCapacity;
    private double _tokens;
    private TimeSpan _lastRefill;
    private bool _refilled;

    /// <param name="maxBitrate">Retransmission bits per second allowed to this receiver.</param>
    /// <param name="burst">How much unused budget may accumulate, as a duration at <paramref name="maxBitrate"/>.</param>
    /// <param name="trackedPackets">Recent sequence numbers whose last resend time is remembered (the history's capacity fits).</param>
    public RetransmissionLimiter(long maxBitrate, TimeSpan burst, int trackedPackets = 1024)
    {
        if (maxBitrate <= 0 || burst <= TimeSpan.Zero || trackedPackets <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxBitrate));
        }
        _bytesPerSecond = maxBitrate / 8.0;
        // Always room for one full-size packet, however low the cap.
        _bucketCapacity = Math.Max(_bytesPerSecond * burst.TotalSeconds, 1500);
        _tokens = _bucketCapacity;
        _sequenceNumbers = new ushort[trackedPackets];
        _resentAt = new TimeSpan[trackedPackets];
        _used = new bool[trackedPackets];
        MaxBitrate = maxBitrate;
    }

    public long MaxBitrate { get; }

    /// <summary>The receiver's latest RTT; a sequence number is resent at most once per this.</summary>
    public TimeSpan RoundTripTime { get; set; } = DefaultRoundTripTime;

    public long PacketsServed { get; private set; }

    public long BytesServed { get; private set; }

    public long PacketsNotFound { get; private set; }

    public long PacketsTooSoon { get; private set; }

    public long PacketsRateLimited { get; private set; }

    /// <summary>Decides whether <paramref name="bytes"/> may be resent now for <paramref name="sourceSequenceNumber"/>, and charges it if so.</summary>
    public RetransmissionResult TryAcquire(TimeSpan now, ushort sourceSequenceNumber, int bytes)
    {
        var slot = sourceSequenceNumber % _sequenceNumbers.Length;
        if (_used[slot] && _sequenceNumbers[slot] == sourceSequenceNumber && now - _resentAt[slot] < RoundTripTime)
        {
            PacketsTooSoon++;
            return RetransmissionResult.TooSoon;
        }
        Refill(now);
        if (_tokens < bytes)
        {
            PacketsRateLimited++;
            return RetransmissionResult.RateLimited;
        }
        _tokens -= bytes;
        _used[slot] = true;
        _sequenceNumbers[slot] = sourceSequenceNumber;
        _resentAt[slot] = now;
        PacketsServed++;
        BytesServed += bytes;
        return RetransmissionResult.Sent;
    }

    internal void OnNotFound() => PacketsNotFound++;

    private void Refill(TimeSpan now)
    {
        if (_refilled && now > _lastRefill)
        {
            _tokens = Math.Min(_bucketCapacity, _tokens + ((now - _lastRefill).TotalSeconds * _bytesPerSecond));
        }
        if (!_refilled || now > _lastRefill)
        {
            _lastRefill = now;
            _refilled = true;
        }
    }
}
