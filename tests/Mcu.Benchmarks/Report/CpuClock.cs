using System.Globalization;
using System.Runtime.InteropServices;

namespace Mcu.Benchmarks.Report;

/// <summary>
/// CPU time (not wall time) with nanosecond resolution from the kernel's CPU-time clocks: this
/// process, this thread, any thread of this process by its id, and finished child processes.
/// </summary>
internal static partial class CpuClock
{
    private const int ProcessClock = 2; // CLOCK_PROCESS_CPUTIME_ID
    private const int ThreadClock = 3;  // CLOCK_THREAD_CPUTIME_ID
    private const int ChildrenUsage = -1; // RUSAGE_CHILDREN

    /// <summary>CPU time of every thread of this process so far.</summary>
    public static TimeSpan Process => Read(ProcessClock);

    /// <summary>CPU time of the calling thread so far.</summary>
    public static TimeSpan CurrentThread => Read(ThreadClock);

    /// <summary>User plus system time of the child processes that have been waited for.</summary>
    public static TimeSpan Children
    {
        get
        {
            if (GetRusage(ChildrenUsage, out Rusage usage) != 0)
            {
                throw new InvalidOperationException("getrusage failed.");
            }

            return usage.User.ToTimeSpan() + usage.System.ToTimeSpan();
        }
    }

    /// <summary>CPU time of one thread of this process, by its kernel thread id.</summary>
    public static TimeSpan Thread(int threadId) =>
        // The kernel's per-thread scheduler clock id, as glibc's pthread_getcpuclockid builds it:
        // (~tid << 3) | CPUCLOCK_PERTHREAD_MASK | CPUCLOCK_SCHED.
        Read((~threadId << 3) | 6);

    /// <summary>Kernel ids of this process's threads whose name (15 characters at most) starts with <paramref name="prefix"/>.</summary>
    public static List<int> ThreadsNamed(string prefix)
    {
        var ids = new List<int>();
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(prefix, StringComparison.Ordinal))
                {
                    ids.Add(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }

        return ids;
    }

    /// <summary>
    /// Like <see cref="ThreadsNamed"/>, but waits (up to a second) until at least
    /// <paramref name="count"/> are there: a new thread takes its name shortly after it starts.
    /// </summary>
    public static int[] WaitForThreadsNamed(string prefix, int count)
    {
        for (int attempt = 0; ; attempt++)
        {
            List<int> ids = ThreadsNamed(prefix);
            if (ids.Count >= count)
            {
                return [.. ids];
            }

            if (attempt == 100)
            {
                throw new InvalidOperationException($"Expected {count} threads named '{prefix}*', found {ids.Count}.");
            }

            System.Threading.Thread.Sleep(10);
        }
    }

    /// <summary>Summed CPU time of the given threads (a thread that has ended counts as zero).</summary>
    public static TimeSpan Threads(ReadOnlySpan<int> threadIds)
    {
        TimeSpan sum = TimeSpan.Zero;
        foreach (int id in threadIds)
        {
            if (ClockGetTime((~id << 3) | 6, out Timespec time) == 0)
            {
                sum += time.ToTimeSpan();
            }
        }

        return sum;
    }

    private static TimeSpan Read(int clock) =>
        ClockGetTime(clock, out Timespec time) == 0 ? time.ToTimeSpan() : throw new InvalidOperationException($"clock_gettime({clock}) failed.");

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Timespec
    {
        private readonly long _seconds;
        private readonly long _nanoseconds;

        public TimeSpan ToTimeSpan() => TimeSpan.FromTicks((_seconds * TimeSpan.TicksPerSecond) + (_nanoseconds / 100));
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Timeval
    {
        private readonly long _seconds;
        private readonly long _microseconds;

        public TimeSpan ToTimeSpan() => TimeSpan.FromTicks((_seconds * TimeSpan.TicksPerSecond) + (_microseconds * 10));
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals and fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct Rusage
    {
        public Timeval User;
        public Timeval System;
        private fixed long _rest[14];
    }
}
