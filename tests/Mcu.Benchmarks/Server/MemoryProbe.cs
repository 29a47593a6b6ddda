using System.Diagnostics;
using System.Globalization;
using Mcu.Benchmarks.Report;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// Target 6: the real server's resident memory. Idle, with a room of 9 participants, after a
/// churn run of people joining and leaving at 9 participants, and with 16; the bots dial in
/// over WHIP from a child process, so that the server's process holds the rooms and nothing else.
/// </summary>
internal sealed class MemoryProbe : IReportProbe
{
    private const string Room = "memory";
    private const long RoomLimit = 120_000_000;
    private const long ParticipantLimit = 8_000_000;
    private const double ChurnTolerance = 0.05;
    private static readonly TimeSpan ChurnPeriod = TimeSpan.FromSeconds(3);

    public string Name => "memory";

    public IReadOnlyList<ReportRow> Run(ReportContext context)
    {
        bool quick = context.Options.Quick;
        int warmup = quick ? 10 : 30;
        int samples = quick ? 3 : 5;
        double churnMinutes = context.Options.ChurnMinutes;
        context.Progress.Report(Name, "starting the server", 0, 6);
        using ServerProcess server = ServerProcess.Start(context);
        using BotDriver bots = BotDriver.Start();
        Uri whip = server.Whip(Room);

        // Idle, after the HTTP endpoints the probe uses have served once.
        server.Scrape();
        Thread.Sleep(3000);
        long idle = server.SampleResidentBytes(samples, i => context.Progress.Report(Name, $"idle server, RSS sample {i + 1}/{samples}", 0, 6));

        var present = new Queue<string>();
        int next = 0;
        string[] Join(int count)
        {
            string[] ids = [.. Enumerable.Range(next, count).Select(i => $"m{i}")];
            // One speaker among them, as in a meeting; the others send digital silence.
            bots.Join(ids.Select(id => (id, whip, BotSpec.Participant(640, 360, 30, speaking: present.Count == 0 && id == ids[0]))), TimeSpan.FromSeconds(120));
            next += count;
            foreach (string id in ids)
            {
                present.Enqueue(id);
            }

            return ids;
        }

        long Settled(string what, int step)
        {
            for (int s = 0; s < warmup; s++)
            {
                context.Progress.Report(Name, $"{what}: warm-up {s + 1}/{warmup} s", step, 6);
                Thread.Sleep(1000);
            }

            return server.SampleResidentBytes(samples, i => context.Progress.Report(Name, $"{what}: RSS sample {i + 1}/{samples}", step, 6));
        }

        context.Progress.Report(Name, "9 participants joining", 1, 6);
        Join(9);
        long nine = Settled("9 participants", 1);

        // A churn run: one leaves and one joins every ChurnPeriod; the RSS noted ten times over it.
        int cycles = 0;
        void Churn(TimeSpan length, string what, int step, List<string>? trend)
        {
            long start = Stopwatch.GetTimestamp();
            var every = TimeSpan.FromTicks(length.Ticks / 10);
            var nextNote = TimeSpan.Zero;
            while (Stopwatch.GetElapsedTime(start) < length)
            {
                if (trend is not null && Stopwatch.GetElapsedTime(start) >= nextNote)
                {
                    trend.Add(string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(start).TotalMinutes:0.0} min {Mb(server.ResidentBytes)}"));
                    nextNote += every;
                }

                long cycle = Stopwatch.GetTimestamp();
                context.Progress.Report(Name, $"{what}: one leaves and one joins every {ChurnPeriod.TotalSeconds:0} s, {Stopwatch.GetElapsedTime(start):mm\\:ss} of {length:mm\\:ss}, " +
                    $"RSS {ProcessStats.Megabytes(server.ResidentBytes)}", step, 6);
                bots.Leave([present.Dequeue()]);
                Join(1);
                cycles++;
                TimeSpan rest = ChurnPeriod - Stopwatch.GetElapsedTime(cycle);
                if (rest > TimeSpan.Zero)
                {
                    Thread.Sleep(rest);
                }
            }
        }

        // The first leaves and joins run code (and size the collector's budgets) for the first
        // time: a one-off cost, not a leak. The churn run is compared from after this warm-up.
        long? churnStart = null;
        long? churnEnd = null;
        long startAnonymous = 0;
        long endAnonymous = 0;
        var trend = new List<string>();
        double churnSeconds = 0;
        var warmupChurn = TimeSpan.FromMinutes(quick ? 0.5 : 2);
        if (churnMinutes > 0)
        {
            Churn(warmupChurn, "warm-up churn", 2, null);
            churnStart = Settled("9 participants after the warm-up churn", 2);
            startAnonymous = ProcessStats.AnonymousResidentBytes(server.Pid);
            long start = Stopwatch.GetTimestamp();
            cycles = 0;
            Churn(TimeSpan.FromMinutes(churnMinutes), "churn", 3, trend);
            churnSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            churnEnd = Settled("9 participants after the churn", 4);
            endAnonymous = ProcessStats.AnonymousResidentBytes(server.Pid);
        }

        context.Progress.Report(Name, "7 more participants joining", 5, 6);
        Join(7);
        long sixteen = Settled("16 participants", 5);
        context.Progress.Report(Name, "done", 6, 6);

        long nineBase = churnEnd ?? nine;
        long roomAdds = nine - idle;
        double perParticipant = (sixteen - nineBase) / 7.0;
        string churn = churnStart is long before && churnEnd is long after
            ? string.Create(CultureInfo.InvariantCulture,
                $"after a {warmupChurn.TotalMinutes:0.0} min warm-up churn (the first leaves and joins, whose code runs for the first time) and the same warm-up, " +
                $"{Mb(before)} ({Signed((before - nine) * 100.0 / nine)} % over the first join); after {churnSeconds / 60:0.0} min of churn ({cycles} leaves and as many " +
                $"joins, one every {ChurnPeriod.TotalSeconds:0} s, {next} bots in all) and the same warm-up {Mb(after)} ({Signed((after - before) * 100.0 / before)} %; " +
                $"anonymous RSS {Mb(startAnonymous)} -> {Mb(endAnonymous)}; RSS during the churn: {string.Join(", ", trend)}); ")
            : "no churn run (--churn-minutes 0); ";
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **Memory (6)**: Rss (/proc/PID/smaps_rollup) of the real Mcu.Server process on 127.0.0.1 (server GC as shipped), which holds the room and nothing else; " +
            $"MediaBots in a child process dial in over WHIP, each sending 640x360 VP8 at 30 fps (pre-encoded) and Opus (one speaker, the others digital silence) " +
            $"and receiving the composite (1280x720 at 30 fps) and mix without decoding them. Each figure is the median of {samples} samples a second apart, taken after " +
            $"{warmup} s of warm-up at that participant count. Idle {Mb(idle)}; 9 participants {Mb(nine)} (+{Mb(roomAdds)}); " +
            $"{churn}16 participants {Mb(sixteen)}: {Mb((long)perParticipant)} per participant from 9 to 16. Limits in MB of 10^6 bytes."));
        var rows = new List<ReportRow>
        {
            new("6", "Server RSS added by a room of 9 participants, over the idle server", "+" + Mb(roomAdds), $"idle {Mb(idle)}", null,
                $"<= {Mb(RoomLimit)}", roomAdds <= RoomLimit),
            new("6", "Server RSS per further participant, 9 -> 16", Mb((long)perParticipant), $"9: {Mb(nineBase)}, 16: {Mb(sixteen)}", null,
                $"<= {Mb(ParticipantLimit)}", perParticipant <= ParticipantLimit),
        };
        if (churnStart is long first && churnEnd is long end)
        {
            double ratio = (double)end / first;
            rows.Add(new("6", $"Server RSS after {churnSeconds / 60:0.0} min of churn (join + leave every {ChurnPeriod.TotalSeconds:0} s), at 9 participants",
                Mb(end), $"start {Mb(first)}", ratio, $"{1 - ChurnTolerance:0.00}-{1 + ChurnTolerance:0.00}", Math.Abs(ratio - 1) <= ChurnTolerance));
        }

        return rows;
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("0.0", CultureInfo.InvariantCulture);
}
