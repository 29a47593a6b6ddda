namespace Mcu.Rtp;

/// <summary>
/// Extends 16-bit RTP sequence numbers to 64 bits across wraps. Reordered (older) values unwrap relative
/// to the newest seen, so a late packet from before a wrap gets a smaller extended value, and values
/// before the first one can be negative.
/// </summary>
public struct SequenceNumberUnwrapper
{
    private long _newest;
    private bool _started;

    /// <summary>The newest extended value returned so far (meaningless before the first call).</summary>
    public readonly long Newest => _newest;

    public long Unwrap(ushort sequenceNumber)
    {
        if (!_started)
        {
            _started = true;
            _newest = sequenceNumber;
            return sequenceNumber;
        }
        var extended = _newest + SerialNumber.Difference(sequenceNumber, (ushort)_newest);
        if (extended > _newest)
        {
            _newest = extended;
        }
        return extended;
    }
}
