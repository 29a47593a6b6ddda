using System.Diagnostics.Metrics;
using Mcu.Server.Metrics;

namespace Mcu.Server.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    [Fact]
    public void Counters_add_observables_report_their_value_and_other_meters_are_ignored()
    {
        using var meter = new Meter("ExporterTests.A");
        using var ignored = new Meter("ExporterTests.Ignored");
        using var exporter = new PrometheusExporter(m => m == meter);
        var counter = meter.CreateCounter<long>("test.events", "{event}", "Events seen");
        var level = 7;
        meter.CreateObservableGauge("test.level", () => level, "{item}", "A level");
        meter.CreateObservableCounter("test.total", () => 42L, "By", "A running total");
        ignored.CreateCounter<long>("test.ignored").Add(5);

        counter.Add(2);
        counter.Add(3);
        var first = Samples(exporter.Scrape());
        level = 9;
        var second = Samples(exporter.Scrape());

        Assert.Equal(5, first["test_events_total"]);
        Assert.Equal(7, first["test_level"]);
        Assert.Equal(9, second["test_level"]);
        Assert.Equal(42, second["test_total_bytes_total"]);
        Assert.DoesNotContain("test_ignored_total", second.Keys);
        Assert.Contains("# TYPE test_events_total counter\n", exporter.Scrape(), StringComparison.Ordinal);
        Assert.Contains("# HELP test_level A level\n# TYPE test_level gauge\n", exporter.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Histograms_have_cumulative_buckets_sum_and_count()
    {
        using var meter = new Meter("ExporterTests.B");
        using var exporter = new PrometheusExporter(m => m == meter);
        var histogram = meter.CreateHistogram<double>("test.duration", "ms", "A duration");
        foreach (var value in new[] { 0.2, 0.5, 3.0, 3.0, 40.0, 5000.0 })
        {
            histogram.Record(value);
        }

        var samples = Samples(exporter.Scrape());

        Assert.Equal(2, samples["test_duration_milliseconds_bucket{le=\"0.5\"}"]); // le is inclusive
        Assert.Equal(2, samples["test_duration_milliseconds_bucket{le=\"2.5\"}"]);
        Assert.Equal(4, samples["test_duration_milliseconds_bucket{le=\"5\"}"]);
        Assert.Equal(5, samples["test_duration_milliseconds_bucket{le=\"50\"}"]);
        Assert.Equal(5, samples["test_duration_milliseconds_bucket{le=\"1000\"}"]);
        Assert.Equal(6, samples["test_duration_milliseconds_bucket{le=\"+Inf\"}"]);
        Assert.Equal(6, samples["test_duration_milliseconds_count"]);
        Assert.Equal(5046.7, samples["test_duration_milliseconds_sum"], 6);
    }

    [Fact]
    public void Advised_buckets_are_used()
    {
        using var meter = new Meter("ExporterTests.C");
        using var exporter = new PrometheusExporter(m => m == meter);
        var histogram = meter.CreateHistogram("test.size", "By", "A size", tags: null, new InstrumentAdvice<long> { HistogramBucketBoundaries = [10, 100] });
        histogram.Record(50);

        var samples = Samples(exporter.Scrape());

        Assert.Equal(0, samples["test_size_bytes_bucket{le=\"10\"}"]);
        Assert.Equal(1, samples["test_size_bytes_bucket{le=\"100\"}"]);
        Assert.Equal(3, samples.Keys.Count(k => k.StartsWith("test_size_bytes_bucket", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tagged_measurements_are_series_and_instruments_of_one_name_form_one_family()
    {
        using var first = new Meter("ExporterTests.D1");
        using var second = new Meter("ExporterTests.D2");
        using var exporter = new PrometheusExporter(m => m == first || m == second);
        var counter = first.CreateCounter<long>("test.dropped", "{packet}", "Drops by reason");
        first.CreateCounter<long>("test.dropped", "{packet}", "Drops by reason, from a layer that has seen none");
        second.CreateObservableCounter("test.dropped", () => new Measurement<long>(11, new KeyValuePair<string, object?>("reason", "port")), "{packet}", "Drops by reason");
        counter.Add(1, new KeyValuePair<string, object?>("reason", "srtp"));
        counter.Add(2, new KeyValuePair<string, object?>("reason", "srtp"));

        var text = exporter.Scrape();
        var samples = Samples(text);

        Assert.Equal(3, samples["test_dropped_total{reason=\"srtp\"}"]);
        Assert.Equal(11, samples["test_dropped_total{reason=\"port\"}"]);
        Assert.DoesNotContain("test_dropped_total", samples.Keys); // no empty untagged series beside tagged ones
        Assert.Equal(1, CountOf(text, "# TYPE test_dropped_total counter"));
    }

    [Fact]
    public void Counters_from_many_threads_lose_nothing()
    {
        using var meter = new Meter("ExporterTests.E");
        using var exporter = new PrometheusExporter(m => m == meter);
        var counter = meter.CreateCounter<long>("test.parallel");
        var histogram = meter.CreateHistogram<double>("test.parallel.duration", "ms");
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Add(1);
                histogram.Record(1.5);
            }
        });

        var samples = Samples(exporter.Scrape());

        Assert.Equal(40_000, samples["test_parallel_total"]);
        Assert.Equal(40_000, samples["test_parallel_duration_milliseconds_count"]);
        Assert.Equal(60_000, samples["test_parallel_duration_milliseconds_sum"], 6);
    }

    /// <summary>Sample lines as "name{labels}" to value.</summary>
    internal static Dictionary<string, double> Samples(string exposition)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var space = line.LastIndexOf(' ');
            var value = line[(space + 1)..] switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var text => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
            };
            Assert.True(samples.TryAdd(line[..space], value), "a series appears twice: " + line);
        }
        return samples;
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
