using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Mcu.Benchmarks.Codec;

/// <summary>
/// Ours / (Reference - Overhead): the ratio to a reference run whose fixed overhead (process
/// start-up, input reading) was measured by a separate benchmark with the same parameters.
/// </summary>
internal sealed class NetRatioColumn(string ours, string reference, string overhead) : IColumn
{
    public string Id => $"{nameof(NetRatioColumn)}.{ours}.{reference}.{overhead}";

    public string ColumnName => "Net ratio";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{ours} / ({reference} - {overhead}): the ratio without the reference's start-up and input reading";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.Name != ours)
        {
            return "-";
        }

        double? oursMean = Mean(summary, benchmarkCase, ours);
        double? referenceMean = Mean(summary, benchmarkCase, reference);
        double? overheadMean = Mean(summary, benchmarkCase, overhead);
        if (oursMean is null || referenceMean is null || overheadMean is null || referenceMean <= overheadMean)
        {
            return "?";
        }

        return (oursMean.Value / (referenceMean.Value - overheadMean.Value)).ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>The mean time of the named method in the same class with the same parameters and job.</summary>
    private static double? Mean(Summary summary, BenchmarkCase sibling, string method)
    {
        foreach (BenchmarkCase candidate in summary.BenchmarksCases)
        {
            if (candidate.Descriptor.Type == sibling.Descriptor.Type
                && candidate.Descriptor.WorkloadMethod.Name == method
                && candidate.Parameters.DisplayInfo == sibling.Parameters.DisplayInfo
                && candidate.Job.DisplayInfo == sibling.Job.DisplayInfo)
            {
                return summary[candidate]?.ResultStatistics?.Mean;
            }
        }

        return null;
    }
}
