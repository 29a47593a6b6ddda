using System.Diagnostics.Metrics;
using System.Text;
using Mcu.Server.Metrics;

namespace Mcu.Server.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("mcu.compose.duration", "ms", "Histogram", "mcu_compose_duration_milliseconds")]
    [InlineData("mcu.media.received", "By", "Counter", "mcu_media_received_bytes_total")]
    [InlineData("mcu.rtp.lost", "{packet}", "Counter", "mcu_rtp_lost_total")]
    [InlineData("mcu.rooms", "{room}", "Gauge", "mcu_rooms")]
    [InlineData("odd-name.with spaces", null, "Gauge", "odd_name_with_spaces")]
    [InlineData("already.seconds", "s", "Gauge", "already_seconds")]
    public void Instrument_names_become_prometheus_names(string name, string? unit, string kind, string expected)
    {
        using var meter = new Meter("PrometheusTextTests");
        var instrument = meter.CreateCounter<long>(name, unit);
        Assert.Equal(expected, PrometheusText.MetricName(instrument, Enum.Parse<MetricKind>(kind)));
    }

    [Fact]
    public void Labels_are_sorted_and_escaped()
    {
        KeyValuePair<string, object?>[] tags = [new("b", "x\"y\\z\nw"), new("a", 3)];
        Assert.Equal("a=\"3\",b=\"x\\\"y\\\\z\\nw\"", PrometheusText.Labels(tags));
    }

    [Fact]
    public void Samples_and_numbers_follow_the_text_format()
    {
        var text = new StringBuilder();
        PrometheusText.AppendHelp(text, "m", "line one\nline \\ two");
        PrometheusText.AppendType(text, "m", MetricKind.Counter);
        PrometheusText.AppendSample(text, "m", "", 1.5);
        PrometheusText.AppendSample(text, "m", "a=\"b\"", double.PositiveInfinity);
        Assert.Equal("# HELP m line one\\nline \\\\ two\n# TYPE m counter\nm 1.5\nm{a=\"b\"} +Inf\n", text.ToString());
        Assert.Equal("NaN", PrometheusText.Number(double.NaN));
        Assert.Equal("1E+20", PrometheusText.Number(1e20));
    }
}
