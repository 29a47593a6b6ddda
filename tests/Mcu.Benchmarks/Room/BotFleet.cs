using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mcu.Benchmarks.Server;
using Mcu.Conference;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// MediaBots in a child process (<see cref="BotsCommand"/>) dialled into a room of this process
/// over real UDP on 127.0.0.1: the room's process then holds only the room, so its garbage
/// collections, heap and clock are the room's own. Start returns once every bot is connected.
/// </summary>
internal sealed class BotFleet : IDisposable
{
    private readonly Process _process;
    private readonly Task _signalling;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _stats = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _errors = new();

    private BotFleet(Conference.Room room, BotFleetOptions options)
    {
        ProcessStartInfo start = ChildProcesses.ThisProgram(options.ToArguments());
        _process = Process.Start(start) ?? throw new InvalidOperationException("The bot process did not start.");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _signalling = Task.Run(() => Signal(room));
    }

    /// <summary>Starts the bots and waits until all are connected.</summary>
    public static BotFleet Start(Conference.Room room, BotFleetOptions options, TimeSpan patience)
    {
        var fleet = new BotFleet(room, options);
        try
        {
            if (!fleet._ready.Task.Wait(patience))
            {
                throw new TimeoutException($"The bots did not all connect within {patience.TotalSeconds:0} s.");
            }

            return fleet;
        }
        catch (Exception e) when (e is TimeoutException or AggregateException)
        {
            string errors = fleet.Errors;
            fleet.Dispose();
            throw new InvalidOperationException($"The bot process failed: {errors}", e);
        }
    }

    /// <summary>Frames the bots decoded (video, audio), known after <see cref="Stop"/>.</summary>
    public (long Video, long Audio) Decoded { get; private set; }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Hangs the bots up and collects their counts.</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.StandardInput.WriteLine("stop");
        _process.StandardInput.Flush();
        if (_stats.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            string[] parts = _stats.Task.Result.Split(' ');
            Decoded = (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Stop();
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task Signal(Conference.Room room)
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is string line)
            {
                string[] parts = line.Split(' ');
                switch (parts[0])
                {
                    case "offer":
                        string offer = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2]));
                        JoinResult joined = await room.JoinAsync(offer, "bot " + parts[1], MemberKind.Participant).ConfigureAwait(false);
                        await _process.StandardInput.WriteLineAsync($"answer {parts[1]} {Convert.ToBase64String(Encoding.UTF8.GetBytes(joined.Answer))}").ConfigureAwait(false);
                        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
                        break;
                    case "ready":
                        _ready.TrySetResult();
                        break;
                    case "stats":
                        _stats.TrySetResult(line);
                        break;
                }
            }

            _ready.TrySetException(new InvalidOperationException("The bot process ended before all bots connected."));
        }
#pragma warning disable CA1031 // Any failure is handed to whoever waits for the fleet.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _ready.TrySetException(e);
        }
    }
}
