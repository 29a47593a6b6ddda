using System.Diagnostics;
using System.Text;

namespace Mcu.Dtls.Tests.Support;

/// <summary>An `openssl` command-line process with its output captured; disposing kills it if it still runs.</summary>
internal sealed class OpenSslProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private OpenSslProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts openssl with stdin kept open (s_server and s_client end their session at stdin EOF).</summary>
    public static OpenSslProcess Start(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var wrapper = new OpenSslProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Runs openssl to completion (for `req`), failing with its output if it does not succeed in time.</summary>
    public static void Run(TimeSpan timeout, params string[] arguments)
    {
        using OpenSslProcess process = Start(arguments);
        if (!process._process.WaitForExit(timeout) || process._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed:\n{process.Output}");
        }
    }

    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || _process.HasExited)
            {
                return Output.Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(10);
        }

        return true;
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Types a line into s_client/s_server: text is sent as application data, "R" renegotiates.</summary>
    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
