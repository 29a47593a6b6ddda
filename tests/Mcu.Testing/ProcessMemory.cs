using System.Globalization;

namespace Mcu.Testing;

/// <summary>
/// Resident memory of a process from /proc/PID/smaps_rollup, which walks the page tables: exact,
/// where VmRSS of /proc/PID/status is a per-CPU approximation that can be off by tens of MiB on
/// a machine with many cores.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Resident bytes: anonymous, file-backed and shared pages.</summary>
    public static long ResidentBytes(string pid = "self") => RollupBytes(pid, "Rss:");

    /// <summary>Resident heap memory (managed and native) without mapped files.</summary>
    public static long AnonymousResidentBytes(string pid = "self") => RollupBytes(pid, "Anonymous:");

    private static long RollupBytes(string pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{pid}/smaps_rollup has no {field}");
    }
}
