using System.Globalization;

namespace Mcu.Benchmarks.Server;

/// <summary>One GET /metrics (Prometheus text format): every sample by family name and labels.</summary>
internal sealed class MetricsScrape
{
    private readonly List<(string Name, string Labels, double Value)> _samples;

    private MetricsScrape(List<(string Name, string Labels, double Value)> samples) => _samples = samples;

    public static MetricsScrape Parse(string text)
    {
        var samples = new List<(string, string, double)>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int space = line.LastIndexOf(' ');
            if (space <= 0 || !double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                continue;
            }

            string series = line[..space];
            int brace = series.IndexOf('{', StringComparison.Ordinal);
            samples.Add(brace < 0 ? (series, "", value) : (series[..brace], series[(brace + 1)..^1], value));
        }

        return new MetricsScrape(samples);
    }

    /// <summary>Whether the family was exported at all.</summary>
    public bool Has(string name) => _samples.Exists(s => s.Name == name);

    /// <summary>The family's samples summed over every label set (0 when absent).</summary>
    public double Sum(string name)
    {
        double sum = 0;
        foreach ((string n, string _, double value) in _samples)
        {
            sum += n == name ? value : 0;
        }

        return sum;
    }

    /// <summary>The family's samples summed by the value of one label (e.g. per room), empty when no sample carries it.</summary>
    public Dictionary<string, double> ByLabel(string name, string label)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        string prefix = label + "=\"";
        foreach ((string n, string labels, double value) in _samples)
        {
            int at = n == name ? labels.IndexOf(prefix, StringComparison.Ordinal) : -1;
            if (at < 0 || (at > 0 && labels[at - 1] != ','))
            {
                continue;
            }

            int start = at + prefix.Length;
            int end = labels.IndexOf('"', start);
            string key = end < 0 ? labels[start..] : labels[start..end];
            result[key] = result.GetValueOrDefault(key) + value;
        }

        return result;
    }
}
