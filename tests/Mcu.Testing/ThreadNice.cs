using System.Globalization;

namespace Mcu.Testing;

/// <summary>The calling thread's nice value as the kernel reports it, to check what a thread set for itself.</summary>
public static class ThreadNice
{
    /// <summary>Field 19 of /proc/thread-self/stat (counted after the parenthesised name, which may hold spaces).</summary>
    public static int Current()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}
