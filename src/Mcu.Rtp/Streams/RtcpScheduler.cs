namespace Mcu.Rtp.Streams;

/// <summary>
/// When a peer's next regular compound RTCP report is due: RFC 3550 6.2/6.3.5 simplified for a server with a
/// handful of SSRCs per peer, where the bandwidth-share computation would only yield its minimum. Each interval
/// is randomised to 0.5-1.5 times the nominal one (RFC 3550 6.3.5) so that reports of many peers started
/// together do not stay in lockstep.
/// </summary>
public sealed class RtcpScheduler
{
    /// <summary>Nominal interval for a peer with video: frequent enough for RTT, loss and lip sync updates.</summary>
    public static readonly TimeSpan VideoInterval = TimeSpan.FromSeconds(1);

    /// <summary>Nominal interval for an audio-only peer (what browsers use).</summary>
    public static readonly TimeSpan AudioInterval = TimeSpan.FromSeconds(5);

    /// <summary>Nominal delay of the first report after connecting, so the peer gets an SR for lip sync early.</summary>
    public static readonly TimeSpan DefaultFirstReportDelay = TimeSpan.FromMilliseconds(100);

    private readonly Random _random;

    /// <param name="interval">Nominal report interval.</param>
    /// <param name="random">Source of the randomisation (the caller's; a seeded one in tests).</param>
    /// <param name="firstReportDelay">Nominal delay of the first report; <see cref="DefaultFirstReportDelay"/> when null.</param>
    public RtcpScheduler(TimeSpan interval, Random random, TimeSpan? firstReportDelay = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (interval <= TimeSpan.Zero)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(interval));
        }
        var first = firstReportDelay ?? DefaultFirstReportDelay;
        if (first < TimeSpan.Zero)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(firstReportDelay));
        }
        Interval = interval;
        FirstReportDelay = first;
        _random = random;
        NextReportTime = TimeSpan.MaxValue;
    }

    public TimeSpan Interval { get; }

    public TimeSpan FirstReportDelay { get; }

    /// <summary>When the next report is due; <see cref="TimeSpan.MaxValue"/> before <see cref="Start"/>.</summary>
    public TimeSpan NextReportTime { get; private set; }

    /// <summary>Schedules the first report (call when the peer's transport is up).</summary>
    public void Start(TimeSpan now) => NextReportTime = now + Randomise(FirstReportDelay);

    public bool IsDue(TimeSpan now) => now >= NextReportTime;

    /// <summary>Schedules the next report one randomised interval after this one.</summary>
    public void OnReportSent(TimeSpan now) => NextReportTime = now + Randomise(Interval);

    private TimeSpan Randomise(TimeSpan nominal) => TimeSpan.FromTicks((long)(nominal.Ticks * (0.5 + _random.NextDouble())));
}
