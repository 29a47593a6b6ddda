namespace Mcu.Rtp.Streams;

/// <summary>Limits and smoothing of <see cref="BandwidthEstimateAggregator"/>.</summary>
public sealed record BandwidthEstimateOptions
{
    /// <summary>The encoder never goes below this, whatever the receivers report.</summary>
    public long FloorBitrate { get; init; } = 150_000;

    /// <summary>The encoder never goes above this (the quality the room is configured for).</summary>
    public long CeilingBitrate { get; init; } = 2_500_000;

    /// <summary>The target before any receiver reported.</summary>
    public long StartBitrate { get; init; } = 800_000;

    /// <summary>A receiver that has not sent REMB for this long no longer counts (browsers send one every second or so).</summary>
    public TimeSpan Expiry { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Increases are applied at most this often, so the encoder is not reconfigured on every REMB.</summary>
    public TimeSpan MinIncreaseInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Fastest growth of the target, as a fraction per second.</summary>
    public double MaxIncreasePerSecond { get; init; } = 0.08;

    /// <summary>
    /// 0 (the default) takes the plain minimum. Otherwise, with three or more receivers, estimates below this
    /// fraction of the median are left out of the minimum (see <see cref="BandwidthEstimateAggregator"/>).
    /// </summary>
    public double OutlierFractionOfMedian { get; init; }

    /// <summary>Receivers tracked at once; a new one beyond this replaces the one heard from least recently.</summary>
    public int MaxReceivers { get; init; } = 64;
}
