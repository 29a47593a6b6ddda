using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Mcu.Server.Metrics;

/// <summary>
/// What the exporter keeps of one instrument: its Prometheus name and type, and its series by
/// tag set. Synchronous counters add, observable instruments report totals or levels that are
/// set, histograms count into buckets.
/// </summary>
internal sealed class InstrumentSeries
{
    // Milliseconds from sub-frame work to a stalled second; instruments may advise their own.
    private static readonly double[] DefaultBuckets = [0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000];

    private readonly bool _setsValue;
    private readonly double[] _buckets;
    private readonly MetricSeries _untagged;
    private readonly ConcurrentDictionary<string, MetricSeries> _tagged = new(StringComparer.Ordinal);

    public InstrumentSeries(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Kind = KindOf(instrument);
        Name = PrometheusText.MetricName(instrument, Kind);
        Help = instrument.Description ?? instrument.Name;
        _setsValue = instrument.IsObservable || IsGeneric(instrument, typeof(Gauge<>));
        _buckets = Kind == MetricKind.Histogram ? AdvisedBuckets(instrument) ?? DefaultBuckets : [];
        _untagged = new MetricSeries("", _buckets.Length);
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = tags.IsEmpty ? _untagged : _tagged.GetOrAdd(PrometheusText.Labels(tags), labels => new MetricSeries(labels, _buckets.Length));
        if (Kind == MetricKind.Histogram)
        {
            var bucket = Array.BinarySearch(_buckets, value);
            series.Observe(bucket >= 0 ? bucket : ~bucket, value);
        }
        else if (_setsValue)
        {
            series.Set(value);
        }
        else
        {
            series.Add(value);
        }
    }

    /// <summary>Some measurement carried tags.</summary>
    public bool HasTaggedSeries => !_tagged.IsEmpty;

    /// <summary>
    /// Writes the samples (the caller writes HELP and TYPE once per family). The untagged series
    /// is left out while nothing was recorded to it and the family has tagged ones, so that a
    /// family by reason shows no reason-less zero.
    /// </summary>
    public void AppendSamples(StringBuilder text, bool familyHasTags)
    {
        if (_untagged.Touched || !familyHasTags)
        {
            Append(text, _untagged);
        }
        foreach (var series in _tagged.Values)
        {
            Append(text, series);
        }
    }

    private void Append(StringBuilder text, MetricSeries series)
    {
        if (Kind != MetricKind.Histogram)
        {
            PrometheusText.AppendSample(text, Name, series.Labels, series.Value);
            return;
        }
        var prefix = series.Labels.Length > 0 ? series.Labels + "," : "";
        long cumulative = 0;
        for (var i = 0; i <= _buckets.Length; i++)
        {
            cumulative += series.BucketCount(i);
            var bound = i < _buckets.Length ? PrometheusText.Number(_buckets[i]) : "+Inf";
            PrometheusText.AppendSample(text, Name + "_bucket", $"{prefix}le=\"{bound}\"", cumulative);
        }
        PrometheusText.AppendSample(text, Name + "_sum", series.Labels, series.Sum);
        PrometheusText.AppendSample(text, Name + "_count", series.Labels, series.Count);
    }

    private static MetricKind KindOf(Instrument instrument)
    {
        if (IsGeneric(instrument, typeof(Histogram<>)))
        {
            return MetricKind.Histogram;
        }
        return IsGeneric(instrument, typeof(Counter<>)) || IsGeneric(instrument, typeof(ObservableCounter<>))
            ? MetricKind.Counter
            : MetricKind.Gauge;
    }

    private static bool IsGeneric(Instrument instrument, Type definition)
    {
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == definition;
    }

    private static double[]? AdvisedBuckets(Instrument instrument) => instrument switch
    {
        Instrument<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } => [.. bounds],
        Instrument<long> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } => [.. bounds.Select(b => (double)b)],
        _ => null,
    };
}
