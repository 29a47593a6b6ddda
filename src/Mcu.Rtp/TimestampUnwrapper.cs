namespace Mcu.Rtp;

/// <summary>Extends 32-bit RTP timestamps to 64 bits across wraps; older values unwrap relative to the newest.</summary>
public struct TimestampUnwrapper
{
    private long _newest;
    private bool _started;

    public readonly long Newest => _newest;

    public long Unwrap(uint timestamp)
    {
        if (!_started)
        {
            _started = true;
            _newest = timestamp;
            return timestamp;
        }
        var extended = _newest + SerialNumber.Difference(timestamp, (uint)_newest);
        if (extended > _newest)
        {
            _newest = extended;
        }
        return extended;
    }
}
