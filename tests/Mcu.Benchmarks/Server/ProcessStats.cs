using System.Globalization;
using Mcu.Testing;

namespace Mcu.Benchmarks.Server;

/// <summary>Resident memory and CPU time of another process, from /proc.</summary>
internal static class ProcessStats
{
    private const double ClockTicksPerSecond = 100; // USER_HZ

    /// <summary>Exact resident bytes (anonymous, file-backed and shared pages).</summary>
    public static long ResidentBytes(int pid) => ProcessMemory.ResidentBytes(pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Exact resident heap memory (managed and native) without mapped files.</summary>
    public static long AnonymousResidentBytes(int pid) => ProcessMemory.AnonymousResidentBytes(pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>User plus system time of every thread of the process so far (utime + stime of /proc/pid/stat).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }

    /// <summary>Busy and total jiffies of the whole machine (first line of /proc/stat).</summary>
    public static (long Busy, long Total) MachineJiffies()
    {
        string[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        long idle = 0;
        for (int i = 1; i <= 8 && i < fields.Length; i++)
        {
            long value = long.Parse(fields[i], CultureInfo.InvariantCulture);
            total += value;
            idle += i is 4 or 5 ? value : 0;
        }

        return (total - idle, total);
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
