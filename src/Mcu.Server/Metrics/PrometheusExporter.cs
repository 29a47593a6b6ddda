using System.Diagnostics.Metrics;
using System.Text;

namespace Mcu.Server.Metrics;

/// <summary>
/// Our own Prometheus exporter: a MeterListener over chosen meters, aggregating as measurements
/// arrive, written as the text exposition format on demand. Instruments that share a Prometheus
/// name (one family fed from several layers, e.g. malformed packets by reason) form one family.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<InstrumentSeries> _instruments = [];

    /// <param name="exports">Which meters to export (all of their instruments).</param>
    public PrometheusExporter(Func<Meter, bool> exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!exports(instrument.Meter))
            {
                return;
            }
            var series = new InstrumentSeries(instrument);
            lock (_lock)
            {
                _instruments.Add(series);
            }
            listener.EnableMeasurementEvents(instrument, series);
        };
        _listener.MeasurementsCompleted = (_, state) =>
        {
            lock (_lock)
            {
                _instruments.Remove((InstrumentSeries)state!);
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments and writes every family.</summary>
    public string Scrape()
    {
        lock (_lock)
        {
            _listener.RecordObservableInstruments();
            var text = new StringBuilder(8192);
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var instrument in _instruments)
            {
                if (!written.Add(instrument.Name))
                {
                    continue;
                }
                PrometheusText.AppendHelp(text, instrument.Name, instrument.Help);
                PrometheusText.AppendType(text, instrument.Name, instrument.Kind);
                var familyHasTags = false;
                foreach (var member in _instruments)
                {
                    familyHasTags |= member.Name == instrument.Name && member.HasTaggedSeries;
                }
                foreach (var member in _instruments)
                {
                    if (member.Name == instrument.Name)
                    {
                        member.AppendSamples(text, familyHasTags);
                    }
                }
            }
            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();
}
