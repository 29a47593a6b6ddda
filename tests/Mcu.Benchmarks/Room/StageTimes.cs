using System.Diagnostics.Metrics;
using Mcu.Conference;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Listens to the room's own compose and encode duration histograms (wall time on the video
/// clock thread, as VideoEngine records them) and keeps running sums.
/// </summary>
internal sealed class StageTimes : IDisposable
{
    private readonly MeterListener _listener = new();
    private double _composeMs;
    private double _encodeMs;
    private long _composed;
    private long _encoded;

    public StageTimes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConferenceMetrics.MeterName && instrument.Name is "mcu.compose.duration" or "mcu.encode.duration")
            {
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<double>(static (instrument, value, _, state) =>
        {
            var times = (StageTimes)state!;
            if (instrument.Name == "mcu.compose.duration")
            {
                times._composeMs += value;
                times._composed++;
            }
            else
            {
                times._encodeMs += value;
                times._encoded++;
            }
        });
        _listener.Start();
    }

    /// <summary>Sums so far (read on the thread that records: the room's video clock).</summary>
    public (double ComposeMs, long Composed, double EncodeMs, long Encoded) Read() => (_composeMs, _composed, _encodeMs, _encoded);

    public void Dispose() => _listener.Dispose();
}
