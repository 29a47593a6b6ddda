namespace Mcu.Rtp.Streams;

/// <summary>
/// The REMB we send to a publishing browser: a configured target cut on sustained loss and raised slowly when
/// the link is clean, instead of a delay-based estimator of our own.
/// </summary>
/// <remarks>
/// Policy: packet loss is measured over windows of at least <see cref="RembOptions.EvaluationInterval"/> holding at
/// least <see cref="RembOptions.MinPacketsPerEvaluation"/> expected packets. A window above
/// <see cref="RembOptions.HighLoss"/> multiplies the estimate by <see cref="RembOptions.DecreaseFactor"/> (not below
/// <see cref="RembOptions.MinBitrate"/>); one below <see cref="RembOptions.LowLoss"/> multiplies it by
/// <see cref="RembOptions.IncreaseFactor"/> (not above <see cref="RembOptions.TargetBitrate"/>); anything between holds.
/// The browser still runs its own delay- and loss-based controllers and sends min(its estimate, ours), so this
/// only has to cap a publisher whose uplink loses packets, and to advertise the quality we want otherwise.
/// </remarks>
public sealed class RembGenerator
{
    private bool _started;
    private long _expectedPrior;
    private long _receivedPrior;
    private TimeSpan _windowStart;

    public RembGenerator(RembOptions? options = null)
    {
        options ??= new RembOptions();
        if (options.TargetBitrate == 0 || options.MinBitrate > options.TargetBitrate)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(options));
        }
        if (options.DecreaseFactor is <= 0 or > 1 || options.IncreaseFactor < 1 ||
            options.LowLoss < 0 || options.HighLoss < options.LowLoss || options.EvaluationInterval <= TimeSpan.Zero)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(options));
        }
        Options = options;
        Bitrate = options.TargetBitrate;
    }

    public RembOptions Options { get; }

    /// <summary>The estimate to put in the next REMB, in bits per second.</summary>
    public ulong Bitrate { get; private set; }

    /// <summary>Loss fraction of the last judged window.</summary>
    public double LastLoss { get; private set; }

    public long Decreases { get; private set; }

    public long Increases { get; private set; }

    /// <summary>
    /// Feeds the cumulative expected and received packet counts of the publisher's streams (e.g. the sums of
    /// <see cref="ReceiveStatistics.ExpectedPackets"/> and <see cref="ReceiveStatistics.PacketsReceived"/>). True when
    /// <see cref="Bitrate"/> changed.
    /// </summary>
    public bool Update(TimeSpan now, long expectedPackets, long receivedPackets)
    {
        var expected = expectedPackets - _expectedPrior;
        var received = receivedPackets - _receivedPrior;
        if (!_started || expected < 0 || received < 0)
        {
            // First call, or a source restarted and its counters went back: start a new window.
            StartWindow(now, expectedPackets, receivedPackets);
            return false;
        }
        if (now - _windowStart < Options.EvaluationInterval || expected < Options.MinPacketsPerEvaluation)
        {
            return false;
        }
        StartWindow(now, expectedPackets, receivedPackets);
        LastLoss = Math.Max(0, (double)(expected - received) / expected);
        var previous = Bitrate;
        if (LastLoss > Options.HighLoss)
        {
            Bitrate = Math.Max(Options.MinBitrate, (ulong)(Bitrate * Options.DecreaseFactor));
        }
        else if (LastLoss < Options.LowLoss)
        {
            Bitrate = Math.Min(Options.TargetBitrate, (ulong)Math.Ceiling(Bitrate * Options.IncreaseFactor));
        }
        if (Bitrate < previous)
        {
            Decreases++;
        }
        else if (Bitrate > previous)
        {
            Increases++;
        }
        return Bitrate != previous;
    }

    private void StartWindow(TimeSpan now, long expectedPackets, long receivedPackets)
    {
        _started = true;
        _windowStart = now;
        _expectedPrior = expectedPackets;
        _receivedPrior = receivedPackets;
    }
}
