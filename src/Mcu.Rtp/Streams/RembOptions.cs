namespace Mcu.Rtp.Streams;

/// <summary>Policy knobs of <see cref="RembGenerator"/>; the defaults suit one browser publishing 720p-class VP8.</summary>
public sealed record RembOptions
{
    /// <summary>The estimate we advertise on a clean link, and its ceiling.</summary>
    public ulong TargetBitrate { get; init; } = 1_500_000;

    /// <summary>The estimate never goes below this, so a lossy link still carries a watchable stream.</summary>
    public ulong MinBitrate { get; init; } = 150_000;

    /// <summary>Loss fraction above which a window counts as congested.</summary>
    public double HighLoss { get; init; } = 0.10;

    /// <summary>Loss fraction below which a window counts as clean.</summary>
    public double LowLoss { get; init; } = 0.02;

    /// <summary>Multiplier applied after a congested window.</summary>
    public double DecreaseFactor { get; init; } = 0.85;

    /// <summary>Multiplier applied after a clean window (windows are at least <see cref="EvaluationInterval"/> long).</summary>
    public double IncreaseFactor { get; init; } = 1.05;

    /// <summary>Shortest loss measurement window: loss must last this long to move the estimate.</summary>
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A window is judged only once it expected this many packets, so a few losses of a sparse stream do not count.</summary>
    public int MinPacketsPerEvaluation { get; init; } = 20;
}
