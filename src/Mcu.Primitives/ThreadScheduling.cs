using System.Runtime.InteropServices;

namespace Mcu.Primitives;

/// <summary>
/// Linux thread priority. .NET's ThreadPriority does not change anything on Linux, so threads
/// that must run on time (a room's audio clock) set their own nice value. Raising it needs
/// root or CAP_SYS_NICE; without either the thread keeps the normal priority.
/// </summary>
public static partial class ThreadScheduling
{
    private const int PriorityProcess = 0;

    /// <summary>Sets the calling thread's nice value (-20 highest .. 19 lowest); false when not permitted.</summary>
    public static bool TrySetCurrentThreadNice(int nice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nice, -20);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        try
        {
            // On Linux, PRIO_PROCESS with a thread id applies to that one thread.
            return SetPriority(PriorityProcess, GetThreadId(), nice) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Whether this process may give a thread <paramref name="nice"/> (tried once on a throwaway thread).</summary>
    public static bool CanSetNice(int nice)
    {
        var allowed = false;
        var probe = new Thread(() => allowed = TrySetCurrentThreadNice(nice)) { Name = "mcu-nice-probe", IsBackground = true };
        probe.Start();
        probe.Join();
        return allowed;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
