namespace Mcu.Media.Audio;

/// <summary>
/// Estimates how much later than the fastest packet packets arrive: tracks the minimum transit
/// time (arrival minus media time) and a peak transit that rises at once and falls slowly; the
/// delay to cover is their difference.
/// </summary>
internal sealed class ArrivalDelayEstimator
{
    // The minimum may creep up by 1 ms per second, so that a sender clock slower than ours
    // (transit growing) is followed instead of being read as ever-growing jitter.
    private const long MinTransitRelaxDivisor = 1_000;

    private readonly long _shrinkTicksPerSecond;
    private TimeSpan _peakTransit;
    private TimeSpan _lastArrival;

    public ArrivalDelayEstimator(TimeSpan shrinkPerSecond) => _shrinkTicksPerSecond = shrinkPerSecond.Ticks;

    /// <summary>The smallest transit time seen recently: the reference for on-time arrival.</summary>
    public TimeSpan MinTransit { get; private set; }

    /// <summary>How much later than <see cref="MinTransit"/> packets have recently arrived, at most.</summary>
    public TimeSpan PeakDelay => _peakTransit > MinTransit ? _peakTransit - MinTransit : TimeSpan.Zero;

    /// <summary>Starts measuring a stream (again); the peak delay is kept, the network has not changed.</summary>
    public void Start(TimeSpan transit, TimeSpan arrival)
    {
        TimeSpan peakDelay = PeakDelay;
        MinTransit = transit;
        _peakTransit = transit + peakDelay;
        _lastArrival = arrival;
    }

    /// <summary>Takes one packet's transit time into account.</summary>
    public void Observe(TimeSpan transit, TimeSpan arrival)
    {
        long elapsed = 0;
        if (arrival > _lastArrival)
        {
            elapsed = (arrival - _lastArrival).Ticks;
            _lastArrival = arrival;
        }

        TimeSpan relaxed = MinTransit + TimeSpan.FromTicks(elapsed / MinTransitRelaxDivisor);
        MinTransit = transit < relaxed ? transit : relaxed;
        TimeSpan decayed = _peakTransit - TimeSpan.FromTicks(elapsed * _shrinkTicksPerSecond / TimeSpan.TicksPerSecond);
        _peakTransit = transit > decayed ? transit : decayed;
    }
}
