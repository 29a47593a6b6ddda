using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Mcu.Client;
using Mcu.Media.Containers;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// <c>Mcu.Benchmarks botdriver</c>: the child process that holds a <see cref="BotDriver"/>'s
/// MediaBots, dialling the server over WHIP and WHEP, so that their CPU and memory never count
/// as the server's. One command a line on stdin, each with a sequence number that its answer
/// repeats ("N ok ..." or "N error ..."); commands run concurrently (joins at most four at a time,
/// as each costs a DTLS handshake). The process ends on "stop" or when stdin closes.
/// </summary>
internal static class BotDriverCommand
{
    private static readonly ConcurrentDictionary<string, MediaBot> Bots = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Joins = new(4);
    private static readonly ConcurrentDictionary<string, IvfFile> Clips = new(StringComparer.Ordinal);
    private static readonly Lock Output = new();

    public static int Run()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var pending = new List<Task>();
        while (Console.In.ReadLine() is string line)
        {
            string[] parts = line.Split(' ');
            if (parts.Length < 2)
            {
                continue;
            }

            if (parts[1] == "stop")
            {
                Task.WaitAll([.. pending]);
                StopAll();
                Reply(parts[0], "ok");
                return 0;
            }

            pending.RemoveAll(t => t.IsCompleted);
            pending.Add(Task.Run(() => Handle(http, parts)));
        }

        StopAll(); // the parent went away
        return 0;
    }

    private static async Task Handle(HttpClient http, string[] parts)
    {
        string sequence = parts[0];
        try
        {
            Reply(sequence, "ok " + await Execute(http, parts).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // Every failure goes back to the parent as the command's answer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Reply(sequence, "error " + e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "));
        }
    }

    private static async Task<string> Execute(HttpClient http, string[] parts)
    {
        switch (parts[1])
        {
            case "join": // join id url spec
                await Joins.WaitAsync().ConfigureAwait(false);
                try
                {
                    BotSpec spec = BotSpec.Parse(parts[4]);
                    IvfFile? clip = spec.Clip is null ? null : Clips.GetOrAdd(spec.Clip, IvfFile.Read);
                    MediaBot bot = await WhipDialer.DialAsync(http, new Uri(parts[3]), spec.ToOptions(clip)).ConfigureAwait(false);
                    if (!Bots.TryAdd(parts[2], bot))
                    {
                        await bot.DisposeAsync().ConfigureAwait(false);
                        throw new InvalidOperationException($"Bot '{parts[2]}' exists already.");
                    }
                }
                finally
                {
                    Joins.Release();
                }

                return "";
            case "leave": // leave id
                if (Bots.TryRemove(parts[2], out MediaBot? leaving))
                {
                    await leaving.DisposeAsync().ConfigureAwait(false);
                }

                return "";
            case "counts": // counts -> id:videoFramesReceived:audioPacketsReceived ...
                var counts = new StringBuilder();
                foreach ((string id, MediaBot bot) in Bots)
                {
                    counts.Append(CultureInfo.InvariantCulture, $"{id}:{bot.VideoFramesReceived}:{bot.AudioPacketsReceived} ");
                }

                return counts.ToString().TrimEnd();
            case "sample": // sample id fx fy -> Y U V, or "none" before the first picture
                YuvColor? color = Bot(parts[2]).SampleReceivedVideo(Fraction(parts[3]), Fraction(parts[4]));
                return color is { } c ? $"{c.Y} {c.U} {c.V}" : "none";
            case "probe": // probe id fx fy
                Bot(parts[2]).SetVideoProbe(Fraction(parts[3]), Fraction(parts[4]));
                return "";
            case "timeline": // timeline id -> switches sent | probed frames received, each "timestamp:value,..."
                MediaBot probed = Bot(parts[2]);
                return Join(probed.ColorSwitchesSent?.Snapshot() ?? []) + " | " + Join(probed.ProbedFramesReceived.Snapshot());
            default:
                throw new ArgumentException($"Unknown command '{parts[1]}'.");
        }
    }

    private static MediaBot Bot(string id) => Bots.TryGetValue(id, out MediaBot? bot) ? bot : throw new ArgumentException($"No bot '{id}'.");

    private static double Fraction(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string Join(TimedValue[] values) =>
        string.Join(',', values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Timestamp}:{v.Value}")));

    private static void Reply(string sequence, string text)
    {
        lock (Output)
        {
            Console.Out.WriteLine(sequence + " " + text);
            Console.Out.Flush();
        }
    }

    private static void StopAll()
    {
        Task.WaitAll([.. Bots.Values.Select(b => b.DisposeAsync().AsTask())], TimeSpan.FromSeconds(30));
        Bots.Clear();
    }
}
