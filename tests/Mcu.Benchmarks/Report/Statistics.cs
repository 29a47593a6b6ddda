namespace Mcu.Benchmarks.Report;

/// <summary>Medians and ranges for the report's repeated runs.</summary>
internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median of ours[i] / reference[i]: each ratio from one run's side-by-side pair, so that slow drifts of the machine's load cancel.</summary>
    public static double MedianRatio(IReadOnlyList<double> ours, IReadOnlyList<double> reference) =>
        Median(ours.Select((value, i) => value / reference[i]));

    /// <summary>"min-max" of the values, for the spread between runs.</summary>
    public static string Range(IEnumerable<double> values, string format) =>
        $"{values.Min().ToString(format, System.Globalization.CultureInfo.InvariantCulture)}-{values.Max().ToString(format, System.Globalization.CultureInfo.InvariantCulture)}";
}
