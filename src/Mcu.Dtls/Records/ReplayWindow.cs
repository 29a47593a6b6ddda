namespace Mcu.Dtls.Records;

/// <summary>The sliding anti-replay window over record sequence numbers of one epoch (RFC 6347 section 4.1.2.6).</summary>
internal struct ReplayWindow
{
    private const int Size = 64;

    private ulong _highest;

    // Bit i set: sequence number _highest - i was accepted.
    private ulong _accepted;

    private bool _started;

    /// <summary>True if the number was accepted before or is too old for the window to tell.</summary>
    public readonly bool IsReplay(ulong sequenceNumber)
    {
        if (!_started || sequenceNumber > _highest)
        {
            return false;
        }

        ulong age = _highest - sequenceNumber;
        return age >= Size || (_accepted & (1UL << (int)age)) != 0;
    }

    /// <summary>Marks a number seen; call only once the record authenticated, so forged records cannot slide the window.</summary>
    public void Accept(ulong sequenceNumber)
    {
        if (!_started)
        {
            _started = true;
            _highest = sequenceNumber;
            _accepted = 1;
        }
        else if (sequenceNumber > _highest)
        {
            ulong shift = sequenceNumber - _highest;
            _accepted = shift >= Size ? 1 : (_accepted << (int)shift) | 1;
            _highest = sequenceNumber;
        }
        else
        {
            _accepted |= 1UL << (int)(_highest - sequenceNumber);
        }
    }
}
