using System.Globalization;
using System.Text;
using Mcu.Benchmarks.Room;
using Mcu.Benchmarks.Server;

namespace Mcu.Benchmarks.Report;

/// <summary>
/// <c>dotnet run -c Release --project tests/Mcu.Benchmarks -- report</c>: runs every probe (the
/// references and our pipeline side by side), then prints one Markdown table of each figure,
/// its reference, the ratio and whether the target holds, followed by how each figure
/// was measured and the machine it ran on. Progress goes to stderr.
/// </summary>
internal static class ReportCommand
{
    public static int Run(ReadOnlySpan<string> args)
    {
        ReportOptions options = ReportOptions.Parse(args);
        var machine = MachineDescription.Start();
        var context = new ReportContext(options, new Progress(), RepositoryPaths.Find());
        IReportProbe[] probes = [new RoomCpuProbe(), new SteadyStateProbe(), new AudioProbe(), new LatencyProbe(), new MemoryProbe(), new CapacityProbe()];
        var rows = new List<ReportRow>();
        foreach (IReportProbe probe in probes)
        {
            if (options.Only.Count > 0 && !options.Only.Contains(probe.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                rows.AddRange(probe.Run(context));
            }
#pragma warning disable CA1031 // A probe that cannot run becomes a failed row; the others still run.
            catch (Exception e)
#pragma warning restore CA1031
            {
                rows.Add(new ReportRow(probe.Name, $"probe '{probe.Name}' failed: {Shorten(e)}", "", "", null, "runs", false));
            }

            context.Progress.Finish();
        }

        if (options.ServerEnvironment.Count > 0)
        {
            context.AddDetail("- Server processes (latency, memory, capacity) ran with the environment " + string.Join(", ", options.ServerEnvironment) + ".");
        }

        string markdown = Format(rows, context, machine, options);
        Console.Out.Write(markdown);
        if (options.OutputFile is string file)
        {
            File.WriteAllText(file, markdown);
        }

        return rows.TrueForAll(r => r.Holds != false) ? 0 : 1;
    }

    /// <summary>An exception's message fit for one table cell.</summary>
    private static string Shorten(Exception e)
    {
        string text = (e.GetType().Name + ": " + e.Message).ReplaceLineEndings(" ").Replace('|', '/');
        return text.Length <= 400 ? text : text[..400] + "...";
    }

    private static string Format(List<ReportRow> rows, ReportContext context, MachineDescription machine, ReportOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(options.Quick ? "## Performance (quick smoke run: not a measurement)" : "## Performance");
        text.AppendLine();
        text.AppendLine("| # | figure | ours | reference | ratio | target | holds |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (ReportRow row in rows)
        {
            string ratio = row.Ratio is double r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
            string holds = row.Holds switch { true => "yes", false => "**no**", null => "n/a" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Target} | {row.Figure} | {row.Ours} | {row.Reference} | {ratio} | {row.Limit} | {holds} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians of {options.Runs} runs. How each figure was measured:");
        text.AppendLine();
        foreach (string line in context.Details)
        {
            text.AppendLine(line);
        }

        text.AppendLine();
        text.AppendLine("Machine:");
        text.AppendLine();
        foreach (string line in machine.Describe())
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
