using System.Globalization;

namespace Mcu.Benchmarks.Report;

/// <summary>Command-line options of <c>report</c>.</summary>
internal sealed class ReportOptions
{
    /// <summary>Runs of each side-by-side measurement; the table shows medians.</summary>
    public int Runs { get; private init; } = 5;

    /// <summary>A short smoke run (fewer frames and seconds, three runs): checks the command, not the targets.</summary>
    public bool Quick { get; private init; }

    /// <summary>Also writes the Markdown report to this file.</summary>
    public string? OutputFile { get; private init; }

    /// <summary>Length of the memory probe's churn run (people joining and leaving); 0 skips it. --quick makes it one minute.</summary>
    public double ChurnMinutes { get; private init; } = 30;

    /// <summary>Environment variables (NAME=VALUE) for every server process the probes start, e.g. to compare GC settings.</summary>
    public IReadOnlyList<string> ServerEnvironment { get; private init; } = [];

    /// <summary>Probe names to run (all when empty).</summary>
    public IReadOnlyList<string> Only { get; private init; } = [];

    public static ReportOptions Parse(ReadOnlySpan<string> args)
    {
        int runs = 5;
        bool quick = false;
        string? output = null;
        double? churn = null;
        var environment = new List<string>();
        var only = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    runs = 3;
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--churn-minutes" when i + 1 < args.Length:
                    churn = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--server-env" when i + 1 < args.Length && args[i + 1].Contains('=', StringComparison.Ordinal):
                    environment.Add(args[++i]);
                    break;
                case "--only" when i + 1 < args.Length:
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    throw new ArgumentException($"Unknown report option '{args[i]}'. Use: report [--quick] [--runs N] [--only room,steady,audio,latency,memory,capacity] [--churn-minutes M] [--server-env NAME=VALUE]... [--out file.md]");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1, "--runs");
        ArgumentOutOfRangeException.ThrowIfNegative(churn ?? 0, "--churn-minutes");
        return new ReportOptions { Runs = runs, Quick = quick, OutputFile = output, Only = only, ServerEnvironment = environment, ChurnMinutes = churn ?? (quick ? 1 : 30) };
    }
}
