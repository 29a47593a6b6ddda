namespace Mcu.Client.Receiving;

/// <summary>The last few seconds of decoded audio, for checking what a participant hears.</summary>
internal sealed class AudioCapture(int capacitySamples)
{
    private readonly short[] _ring = new short[capacitySamples];
    private readonly Lock _lock = new();
    private long _written;

    public void Append(ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            foreach (var sample in samples)
            {
                _ring[_written++ % _ring.Length] = sample;
            }
        }
    }

    /// <summary>Copies the most recent samples (oldest first) and returns how many there were.</summary>
    public int CopyRecent(Span<short> destination)
    {
        lock (_lock)
        {
            var count = (int)Math.Min(Math.Min(destination.Length, _ring.Length), _written);
            for (var i = 0; i < count; i++)
            {
                destination[i] = _ring[(_written - count + i) % _ring.Length];
            }
            return count;
        }
    }
}
