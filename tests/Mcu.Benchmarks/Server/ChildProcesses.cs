using System.Diagnostics;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// The report's child processes (servers, bot drivers), killed when the report ends in any way:
/// normally through their owners' Dispose, on Ctrl+C or process exit through this list.
/// </summary>
internal static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly List<Process> Running = [];
    private static bool _hooked;

    /// <summary>How to run this benchmark program again with <paramref name="arguments"/>, its standard streams redirected.</summary>
    public static ProcessStartInfo ThisProgram(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcesses).Assembly.Location);
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    public static Process Start(ProcessStartInfo start)
    {
        lock (Gate)
        {
            if (!_hooked)
            {
                _hooked = true;
                Console.CancelKeyPress += (_, _) => KillAll();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            }

            Process process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
            Running.Add(process);
            return process;
        }
    }

    /// <summary>Kills the process (and its children) if it still runs and forgets it.</summary>
    public static void Kill(Process process)
    {
        lock (Gate)
        {
            Running.Remove(process);
        }

        KillOne(process);
    }

    private static void KillAll()
    {
        Process[] all;
        lock (Gate)
        {
            all = [.. Running];
            Running.Clear();
        }

        foreach (Process process in all)
        {
            KillOne(process);
        }
    }

    private static void KillOne(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It has gone already.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Likewise (it ended between the check and the kill).
        }
    }
}
