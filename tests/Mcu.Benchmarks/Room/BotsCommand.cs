using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Mcu.Client;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// <c>Mcu.Benchmarks bots ...</c>: the child process that runs a <see cref="BotFleet"/>'s
/// MediaBots, so that their CPU and garbage never count against the room being measured.
/// Signalling is a line protocol with the parent: we write "offer i base64", it answers
/// "answer i base64"; "ready" once all are connected; "stop" from the parent ends the bots and
/// we write "stats decodedVideoFrames decodedAudioFrames".
/// </summary>
internal static class BotsCommand
{
    public static int Run(ReadOnlySpan<string> args)
    {
        BotFleetOptions options = BotFleetOptions.Parse(args);
        var answers = new ConcurrentDictionary<int, TaskCompletionSource<string>>();
        var stop = new TaskCompletionSource();
        var reader = Task.Run(() =>
        {
            while (Console.In.ReadLine() is string line)
            {
                string[] parts = line.Split(' ');
                if (parts[0] == "answer" && parts.Length == 3)
                {
                    answers.GetOrAdd(int.Parse(parts[1], CultureInfo.InvariantCulture), _ => new()).SetResult(Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])));
                }
                else if (parts[0] == "stop")
                {
                    break;
                }
            }

            stop.TrySetResult(); // "stop", or the parent went away
        });
        var bots = new List<MediaBot>();
        try
        {
            for (int i = 0; i < options.Count; i++)
            {
                int index = i;
                var bot = new MediaBotOptions
                {
                    SendVideo = options.SendVideo,
                    ReceiveVideo = options.ReceiveVideo,
                    PreEncodedFrames = options.SendVideo ? 150 : 0,
                    LoopAudio = true,
                    // Distinct tones for the speakers, digital silence (not mixed) for everybody else.
                    ToneHertz = index < options.Speakers ? 300 + (150 * index) : 0,
                };
                bots.Add(MediaBot.StartAsync(bot, async (offer, ct) =>
                {
                    Console.Out.WriteLine($"offer {index} {Convert.ToBase64String(Encoding.UTF8.GetBytes(offer))}");
                    Console.Out.Flush();
                    return await answers.GetOrAdd(index, _ => new()).Task.WaitAsync(ct).ConfigureAwait(false);
                }).GetAwaiter().GetResult());
            }

            Console.Out.WriteLine("ready");
            Console.Out.Flush();
            stop.Task.GetAwaiter().GetResult();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stats {bots.Sum(b => b.VideoFramesDecoded)} {bots.Sum(b => b.AudioFramesDecoded)}"));
            Console.Out.Flush();
            return 0;
        }
        finally
        {
            foreach (MediaBot bot in bots)
            {
                bot.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            GC.KeepAlive(reader);
        }
    }
}
