namespace Mcu.Rtp.Streams;

/// <summary>
/// Turns the REMB estimates of every receiver of one encoder into the encoder's target bitrate: the lowest live
/// estimate, clamped to [floor, ceiling], lowered at once and raised gradually.
/// </summary>
/// <remarks>
/// One encode feeds everyone, so the stream must fit the worst receiver. Estimates expire after
/// <see cref="BandwidthEstimateOptions.Expiry"/> without a new REMB. Decreases apply on the next update: a congested
/// receiver must get relief now, and REMB drops come at most a few times per second. Increases wait for
/// <see cref="BandwidthEstimateOptions.MinIncreaseInterval"/> since the last change and grow by at most
/// <see cref="BandwidthEstimateOptions.MaxIncreasePerSecond"/> per elapsed second (elapsed capped at one second, so
/// a long quiet spell does not allow a jump). Outlier policy, off by default: with
/// <see cref="BandwidthEstimateOptions.OutlierFractionOfMedian"/> set and at least three receivers, a receiver far
/// below the median does not drag the others down; it then gets more than it asked for and relies on NACK and
/// keyframes, which a room may prefer to everyone watching a poor picture.
/// </remarks>
public sealed class BandwidthEstimateAggregator
{
    private readonly uint[] _receivers;
    private readonly ulong[] _estimates;
    private readonly TimeSpan[] _updated;
    private readonly ulong[] _scratch;
    private int _count;
    private bool _changedOnce;
    private TimeSpan _lastChange;

    public BandwidthEstimateAggregator(BandwidthEstimateOptions? options = null)
    {
        options ??= new BandwidthEstimateOptions();
        if (options.FloorBitrate <= 0 || options.CeilingBitrate < options.FloorBitrate || options.MaxReceivers <= 0 ||
            options.Expiry <= TimeSpan.Zero || options.MinIncreaseInterval < TimeSpan.Zero ||
            options.MaxIncreasePerSecond <= 0 || options.OutlierFractionOfMedian is < 0 or >= 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(options));
        }
        Options = options;
        TargetBitrate = Math.Clamp(options.StartBitrate, options.FloorBitrate, options.CeilingBitrate);
        _receivers = new uint[options.MaxReceivers];
        _estimates = new ulong[options.MaxReceivers];
        _updated = new TimeSpan[options.MaxReceivers];
        _scratch = new ulong[options.MaxReceivers];
    }

    public BandwidthEstimateOptions Options { get; }

    /// <summary>The bitrate the encoder should use, in bits per second.</summary>
    public long TargetBitrate { get; private set; }

    /// <summary>Receivers with an estimate (expired ones are dropped by <see cref="TryUpdate"/>).</summary>
    public int ReceiverCount => _count;

    /// <summary>Records a receiver's REMB (keyed by anything stable per receiver, e.g. the REMB sender SSRC).</summary>
    public void OnEstimate(TimeSpan now, uint receiver, ulong bitrate)
    {
        var index = IndexOf(receiver);
        if (index < 0)
        {
            if (_count < _receivers.Length)
            {
                index = _count++;
            }
            else
            {
                index = 0;
                for (var i = 1; i < _count; i++)
                {
                    index = _updated[i] < _updated[index] ? i : index;
                }
            }
            _receivers[index] = receiver;
        }
        _estimates[index] = bitrate;
        _updated[index] = now;
    }

    /// <summary>Forgets a receiver that left.</summary>
    public bool RemoveReceiver(uint receiver)
    {
        var index = IndexOf(receiver);
        if (index < 0)
        {
            return false;
        }
        RemoveAt(index);
        return true;
    }

    /// <summary>
    /// Drops expired estimates and recomputes the target; true (with the new target) when the encoder should be
    /// reconfigured. With no live estimate the target stays where it is.
    /// </summary>
    public bool TryUpdate(TimeSpan now, out long targetBitrate)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            if (now - _updated[i] > Options.Expiry)
            {
                RemoveAt(i);
            }
        }
        targetBitrate = TargetBitrate;
        if (_count == 0)
        {
            return false;
        }
        var desired = (long)Math.Min(LowestEstimate(), (ulong)Options.CeilingBitrate);
        desired = Math.Max(desired, Options.FloorBitrate);
        if (desired < TargetBitrate)
        {
            return Change(now, desired, out targetBitrate);
        }
        if (desired == TargetBitrate || (_changedOnce && now - _lastChange < Options.MinIncreaseInterval))
        {
            return false;
        }
        var elapsed = _changedOnce ? Math.Min((now - _lastChange).TotalSeconds, 1.0) : 1.0;
        var step = Math.Max(1, (long)(TargetBitrate * Options.MaxIncreasePerSecond * elapsed));
        return Change(now, Math.Min(desired, TargetBitrate + step), out targetBitrate);
    }

    private bool Change(TimeSpan now, long bitrate, out long targetBitrate)
    {
        TargetBitrate = bitrate;
        targetBitrate = bitrate;
        _lastChange = now;
        _changedOnce = true;
        return true;
    }

    private ulong LowestEstimate()
    {
        var threshold = 0UL;
        if (Options.OutlierFractionOfMedian > 0 && _count >= 3)
        {
            var sorted = _scratch.AsSpan(0, _count);
            _estimates.AsSpan(0, _count).CopyTo(sorted);
            sorted.Sort();
            threshold = (ulong)(sorted[_count / 2] * Options.OutlierFractionOfMedian);
        }
        var lowest = ulong.MaxValue;
        for (var i = 0; i < _count; i++)
        {
            if (_estimates[i] >= threshold && _estimates[i] < lowest)
            {
                lowest = _estimates[i];
            }
        }
        return lowest;
    }

    private int IndexOf(uint receiver)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_receivers[i] == receiver)
            {
                return i;
            }
        }
        return -1;
    }

    private void RemoveAt(int index)
    {
        _count--;
        _receivers[index] = _receivers[_count];
        _estimates[index] = _estimates[_count];
        _updated[index] = _updated[_count];
    }
}
