using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mcu.Conference;

/// <summary>The conference engine's instruments (System.Diagnostics.Metrics); the server exports them.</summary>
public static class ConferenceMetrics
{
    public const string MeterName = "Mcu.Conference";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> ComposeMilliseconds =
        Meter.CreateHistogram<double>("mcu.compose.duration", "ms", "Time to compose one output frame");

    internal static readonly Histogram<double> EncodeMilliseconds =
        Meter.CreateHistogram<double>("mcu.encode.duration", "ms", "Time to encode one composite frame");

    internal static readonly Counter<long> CompositeFrames =
        Meter.CreateCounter<long>("mcu.composite.frames", "{frame}", "Composite frames encoded");

    internal static readonly Counter<long> Keyframes =
        Meter.CreateCounter<long>("mcu.composite.keyframes", "{frame}", "Composite keyframes encoded");

    internal static readonly Counter<long> MissedVideoTicks =
        Meter.CreateCounter<long>("mcu.composite.dropped", "{frame}", "Composite frames not produced because the room clock was late");

    internal static readonly Counter<long> FramesDroppedBeforeDecode =
        Meter.CreateCounter<long>("mcu.decode.dropped", "{frame}", "Members' video frames dropped undecoded because the room's decoder fell behind (a keyframe is asked for)");

    internal static readonly Counter<long> MissedAudioTicks =
        Meter.CreateCounter<long>("mcu.audio.ticks.missed", "{tick}", "Audio ticks skipped because the room clock was late");

    internal static readonly Counter<long> KeyframeRequests =
        Meter.CreateCounter<long>("mcu.keyframe.requests", "{request}", "PLI and FIR received about composites");

    internal static readonly Counter<long> NacksReceived =
        Meter.CreateCounter<long>("mcu.nack.received", "{packet}", "Packets receivers asked to have retransmitted");

    internal static readonly Counter<long> NacksSent =
        Meter.CreateCounter<long>("mcu.nack.sent", "{message}", "NACK messages sent to members for their lost packets");

    internal static readonly Counter<long> KeyframeRequestsSent =
        Meter.CreateCounter<long>("mcu.keyframe.requests.sent", "{request}", "PLI and FIR sent to members for a fresh picture");

    internal static readonly Counter<long> PacketsLost =
        Meter.CreateCounter<long>("mcu.rtp.lost", "{packet}", "RTP packets members sent that never arrived (RFC 3550 cumulative loss)");

    internal static double Milliseconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
