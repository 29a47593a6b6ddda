using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Mcu.Server.Metrics;

/// <summary>Names, escaping and numbers of the Prometheus text exposition format (version 0.0.4).</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// "mcu.compose.duration" in ms becomes mcu_compose_duration_milliseconds: dots become
    /// underscores, the unit is spelled out as a suffix, and counters end in _total
    /// (the OpenTelemetry-to-Prometheus naming rules).
    /// </summary>
    public static string MetricName(Instrument instrument, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = new StringBuilder(instrument.Name.Length + 16);
        foreach (var c in instrument.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (UnitSuffix(instrument.Unit) is { } unit && !name.ToString().EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name.Append('_').Append(unit);
        }
        if (kind == MetricKind.Counter)
        {
            name.Append("_total");
        }
        return name.ToString();
    }

    public static void AppendHelp(StringBuilder text, string name, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');

    public static void AppendType(StringBuilder text, string name, MetricKind kind) =>
        text.Append("# TYPE ").Append(name).Append(' ').Append(kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');

    /// <summary>A sample line: name, optional labels (already formatted, without braces), value.</summary>
    public static void AppendSample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    /// <summary>Tags as Prometheus labels, sorted by name so one tag set always gives one series.</summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sorted = tags.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var labels = new StringBuilder();
        foreach (var (key, value) in sorted)
        {
            if (labels.Length > 0)
            {
                labels.Append(',');
            }
            foreach (var c in key)
            {
                labels.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }
            labels.Append("=\"");
            AppendEscaped(labels, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
            labels.Append('"');
        }
        return labels.ToString();
    }

    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static void AppendEscaped(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                default: text.Append(c); break;
            }
        }
    }

    private static string? UnitSuffix(string? unit) => unit switch
    {
        "ms" => "milliseconds",
        "s" => "seconds",
        "By" => "bytes",
        "bit/s" => "bits_per_second",
        _ => null, // "{packet}" and other annotations name what is counted, not a unit
    };
}
