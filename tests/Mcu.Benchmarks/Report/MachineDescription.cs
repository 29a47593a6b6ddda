using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Mcu.Benchmarks.Report;

/// <summary>The machine a report ran on, and how busy other processes kept it meanwhile.</summary>
internal sealed class MachineDescription
{
    private readonly long _busyAtStart;
    private readonly long _totalAtStart;
    private readonly TimeSpan _ownAtStart;
    private readonly string _loadAtStart;

    private MachineDescription()
    {
        (_busyAtStart, _totalAtStart) = ReadCpuJiffies();
        _ownAtStart = CpuClock.Process + CpuClock.Children;
        _loadAtStart = LoadAverage();
    }

    /// <summary>Notes the machine's counters now; <see cref="Describe"/> reports against them.</summary>
    public static MachineDescription Start() => new();

    /// <summary>Markdown lines: hardware, software versions, and the CPU other processes used while the report ran.</summary>
    public IReadOnlyList<string> Describe()
    {
        (long busy, long total) = ReadCpuJiffies();
        double jiffy = 1.0 / 100; // USER_HZ
        double wall = (total - _totalAtStart) * jiffy / Environment.ProcessorCount;
        double machineBusy = (busy - _busyAtStart) * jiffy;
        double ours = (CpuClock.Process + CpuClock.Children - _ownAtStart).TotalSeconds;
        double others = Math.Max(0, machineBusy - ours);
        return
        [
            $"- CPU: {CpuModel()}, {Environment.ProcessorCount} logical cores; {MemoryGiB():0} GiB RAM",
            $"- OS: {OsName()}, Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}; {RuntimeInformation.FrameworkDescription}",
            $"- Libraries: {PackageVersion("libvpx-dev")} (libvpx), {PackageVersion("libavcodec-dev")} (libavcodec), {PackageVersion("libyuv-dev")} (libyuv), {FirstLine("ffmpeg", "-version")}",
            $"- Load: {wall:0} s of wall time; the report used {ours / wall:0.00} cores on average, other processes " +
                $"{others / wall:0.00} of the {Environment.ProcessorCount} cores (load average {_loadAtStart} at start, {LoadAverage()} at the end)",
        ];
    }

    private static (long Busy, long Total) ReadCpuJiffies()
    {
        // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
        string[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long[] values = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        long idle = values[3] + values[4];
        long total = values.Sum();
        return (total - idle, total);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static double MemoryGiB()
    {
        string? line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    private static string OsName()
    {
        string? line = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) : null;
        return line is null ? "Linux" : line["PRETTY_NAME=".Length..].Trim('"');
    }

    private static string PackageVersion(string package) => package + " " + FirstLine("dpkg-query", "-W", "-f=${Version}", package);

    private static string FirstLine(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = System.Diagnostics.Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n')[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return program + " (not found)";
        }
    }
}
