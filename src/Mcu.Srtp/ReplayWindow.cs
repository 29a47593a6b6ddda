namespace Mcu.Srtp;

/// <summary>A sliding bitmap of the packet indices received recently (RFC 3711 3.3.2).</summary>
internal sealed class ReplayWindow
{
    private readonly ulong[] _bits;
    private readonly ulong _mask;

    /// <param name="size">Window width in packets: a power of two, at least 64.</param>
    /// <param name="firstIndex">The first authenticated index, which starts the window.</param>
    public ReplayWindow(int size, ulong firstIndex)
    {
        _bits = new ulong[size / 64];
        _mask = (ulong)size - 1;
        Highest = firstIndex;
        Set(firstIndex);
    }

    /// <summary>The highest index accepted so far.</summary>
    public ulong Highest { get; private set; }

    private ulong Size => _mask + 1;

    /// <summary>Whether <paramref name="index"/> may be accepted; does not change the window.</summary>
    public SrtpResult Check(ulong index)
    {
        if (index > Highest)
        {
            return SrtpResult.Ok;
        }
        if (Highest - index >= Size)
        {
            return SrtpResult.TooOld;
        }
        return IsSet(index) ? SrtpResult.ReplayDetected : SrtpResult.Ok;
    }

    /// <summary>Records an authenticated index that <see cref="Check"/> allowed.</summary>
    public void Accept(ulong index)
    {
        if (index > Highest)
        {
            // The slots between the old and new highest held indices that have now left the window.
            var advance = index - Highest;
            if (advance >= Size)
            {
                Array.Clear(_bits);
            }
            else
            {
                Clear(Highest + 1, advance);
            }
            Highest = index;
        }
        Set(index);
    }

    private bool IsSet(ulong index)
    {
        var slot = index & _mask;
        return (_bits[slot >> 6] & (1UL << (int)(slot & 63))) != 0;
    }

    private void Set(ulong index)
    {
        var slot = index & _mask;
        _bits[slot >> 6] |= 1UL << (int)(slot & 63);
    }

    private void Clear(ulong from, ulong count)
    {
        while (count > 0)
        {
            var slot = from & _mask;
            var bit = (int)(slot & 63);
            var run = (int)Math.Min(count, (ulong)(64 - bit));
            var bits = run == 64 ? ulong.MaxValue : ((1UL << run) - 1) << bit;
            _bits[slot >> 6] &= ~bits;
            from += (ulong)run;
            count -= (ulong)run;
        }
    }
}
