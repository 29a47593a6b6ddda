using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mcu.Client;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// A child process of MediaBots (<see cref="BotDriverCommand"/>) that the report steers: bots
/// join a server's rooms over WHIP or WHEP and leave, and report what they received. The bots'
/// CPU is measured apart from the server's (<see cref="CpuTime"/>).
/// </summary>
internal sealed class BotDriver : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<string>> _waiting = new();
    private readonly StringBuilder _errors = new();
    private int _sequence;

    private BotDriver()
    {
        ProcessStartInfo start = ChildProcesses.ThisProgram(["botdriver"]);
        _process = ChildProcesses.Start(start);
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                if (_errors.Length < 8000)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static BotDriver Start() => new();

    public int Pid => _process.Id;

    /// <summary>The bots' CPU time so far (the whole driver process).</summary>
    public TimeSpan CpuTime => ProcessStats.CpuTime(Pid);

    /// <summary>Dials these bots in (four at a time) and waits until all are connected.</summary>
    public void Join(IEnumerable<(string Id, Uri Endpoint, BotSpec Spec)> bots, TimeSpan patience)
    {
        Task<string>[] joins = [.. bots.Select(b => Send($"join {b.Id} {b.Endpoint} {b.Spec.ToToken()}"))];
        Wait(joins, patience, "join");
    }

    public void Join(string id, Uri endpoint, BotSpec spec) => Join([(id, endpoint, spec)], TimeSpan.FromSeconds(60));

    /// <summary>Hangs these bots up (WHIP/WHEP DELETE, then the session closes).</summary>
    public void Leave(IEnumerable<string> ids) => Wait([.. ids.Select(id => Send($"leave {id}"))], TimeSpan.FromSeconds(60), "leave");

    /// <summary>Video frames and audio packets each bot has received so far.</summary>
    public Dictionary<string, (long Video, long Audio)> Counts()
    {
        var counts = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (string entry in Call("counts").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = entry.Split(':');
            counts[fields[0]] = (long.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture));
        }

        return counts;
    }

    /// <summary>The mean colour around a point of the last picture a decoding bot received.</summary>
    public YuvColor? Sample(string id, double fx, double fy)
    {
        string[] fields = Call(string.Create(CultureInfo.InvariantCulture, $"sample {id} {fx} {fy}")).Split(' ');
        return fields[0] == "none" ? null
            : new YuvColor(byte.Parse(fields[0], CultureInfo.InvariantCulture), byte.Parse(fields[1], CultureInfo.InvariantCulture), byte.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    /// <summary>From now on the bot notes the colour at this point of every picture it decodes.</summary>
    public void SetProbe(string id, double fx, double fy) => Call(string.Create(CultureInfo.InvariantCulture, $"probe {id} {fx} {fy}"));

    /// <summary>A bot's colour switches sent and probed frames received (Stopwatch timestamps of the driver process).</summary>
    public (TimedValue[] Switches, TimedValue[] Frames) Timeline(string id)
    {
        string[] halves = Call($"timeline {id}").Split('|');
        return (ParseTimeline(halves[0]), ParseTimeline(halves[1]));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                Send("stop").Wait(TimeSpan.FromSeconds(45));
            }
            catch (AggregateException)
            {
                // It failed to stop cleanly; killed below.
            }
            catch (IOException)
            {
                // Its stdin is gone: it has ended.
            }
        }

        ChildProcesses.Kill(_process);
        _process.Dispose();
    }

    private string Call(string command)
    {
        Task<string> reply = Send(command);
        Wait([reply], TimeSpan.FromSeconds(30), command.Split(' ')[0]);
        return reply.Result;
    }

    private Task<string> Send(string command)
    {
        int sequence = Interlocked.Increment(ref _sequence);
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[sequence] = reply;
        lock (_process)
        {
            _process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sequence} {command}"));
            _process.StandardInput.Flush();
        }

        return reply.Task;
    }

    private void Wait(Task<string>[] replies, TimeSpan patience, string what)
    {
        try
        {
            if (!Task.WaitAll(replies, patience))
            {
                throw new TimeoutException($"The bots' '{what}' did not finish within {patience.TotalSeconds:0} s.");
            }
        }
        catch (AggregateException e)
        {
            string errors;
            lock (_errors)
            {
                errors = _errors.ToString();
            }

            throw new InvalidOperationException($"Bots' '{what}' failed: {e.InnerExceptions[0].Message} {errors}".Trim(), e.InnerExceptions[0]);
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            foreach (TaskCompletionSource<string> waiting in _waiting.Values)
            {
                waiting.TrySetException(new InvalidOperationException("The bot driver process ended."));
            }

            return;
        }

        int space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !int.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, out int sequence) || !_waiting.TryRemove(sequence, out var reply))
        {
            return;
        }

        string rest = line[(space + 1)..];
        if (rest.StartsWith("ok", StringComparison.Ordinal))
        {
            reply.TrySetResult(rest.Length > 3 ? rest[3..] : "");
        }
        else
        {
            reply.TrySetException(new InvalidOperationException(rest));
        }
    }

    private static TimedValue[] ParseTimeline(string text) =>
    [
        .. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
        {
            string[] fields = entry.Split(':');
            return new TimedValue(long.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
        }),
    ];
}
