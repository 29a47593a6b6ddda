using System.Diagnostics.Metrics;

namespace Mcu.Recording;

/// <summary>The recorder's instruments (System.Diagnostics.Metrics); the server exports them.</summary>
public static class RecordingMetrics
{
    public const string MeterName = "Mcu.Recording";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Started =
        Meter.CreateCounter<long>("mcu.recording.started", "{recording}", "Recordings started");

    internal static readonly Counter<long> Failed =
        Meter.CreateCounter<long>("mcu.recording.failed", "{recording}", "Recordings stopped by a write error");

    internal static readonly Counter<long> FramesDropped =
        Meter.CreateCounter<long>("mcu.recording.frames.dropped", "{frame}", "Frames not recorded because the writer fell behind");
}
