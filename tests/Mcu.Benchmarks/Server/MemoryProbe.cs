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
        context.Progress.Report(Name, "starting the server", 0, 5);
        using ServerProcess server = ServerProcess.Start(context);
        using BotDriver bots = BotDriver.Start();
        Uri whip = server.Whip(Room);

        // Idle, after the HTTP endpoints the probe uses have served once.
        server.Scrape();
        Thread.Sleep(3000);
        long idle = server.SampleResidentBytes(samples, i => context.Progress.Report(Name, $"idle server, RSS sample {i + 1}/{samples}", 0, 5));

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
                context.Progress.Report(Name, $"{what}: warm-up {s + 1}/{warmup} s", step, 5);
                Thread.Sleep(1000);
            }

            return server.SampleResidentBytes(samples, i => context.Progress.Report(Name, $"{what}: RSS sample {i + 1}/{samples}", step, 5));
        }

        context.Progress.Report(Name, "9 participants joining", 1, 5);
        Join(9);
        long nine = Settled("9 participants", 1);

        long nineAnonymous = ProcessStats.AnonymousResidentBytes(server.Pid);
        long? nineAfterChurn = null;
        long afterChurnAnonymous = 0;
        var trend = new List<string>();
        int cycles = 0;
        double churnSeconds = 0;
        if (churnMinutes > 0)
        {
            long start = Stopwatch.GetTimestamp();
            var length = TimeSpan.FromMinutes(churnMinutes);
            // The RSS ten times over the run, to tell a trend from the collector's ups and downs.
            var every = TimeSpan.FromTicks(length.Ticks / 10);
            var nextNote = TimeSpan.Zero;
            while (Stopwatch.GetElapsedTime(start) < length)
            {
                if (Stopwatch.GetElapsedTime(start) >= nextNote)
                {
                    trend.Add(string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(start).TotalMinutes:0.0} min {Mb(server.ResidentBytes)}"));
                    nextNote += every;
                }

                long cycle = Stopwatch.GetTimestamp();
                context.Progress.Report(Name, $"churn: one leaves and one joins every {ChurnPeriod.TotalSeconds:0} s, {Stopwatch.GetElapsedTime(start):mm\\:ss} of {length:mm\\:ss}, " +
                    $"RSS {ProcessStats.Megabytes(server.ResidentBytes)}", 2, 5);
                bots.Leave([present.Dequeue()]);
                Join(1);
                cycles++;
                TimeSpan rest = ChurnPeriod - Stopwatch.GetElapsedTime(cycle);
                if (rest > TimeSpan.Zero)
                {
                    Thread.Sleep(rest);
                }
            }

            churnSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            nineAfterChurn = Settled("9 participants after the churn", 3);
            afterChurnAnonymous = ProcessStats.AnonymousResidentBytes(server.Pid);
        }

        context.Progress.Report(Name, "7 more participants joining", 4, 5);
        Join(7);
        long sixteen = Settled("16 participants", 4);
        context.Progress.Report(Name, "done", 5, 5);

        long nineBase = nineAfterChurn ?? nine;
        long roomAdds = nine - idle;
        double perParticipant = (sixteen - nineBase) / 7.0;
        string churn = nineAfterChurn is long after
            ? string.Create(CultureInfo.InvariantCulture,
                $"after {churnSeconds / 60:0.0} min of churn ({cycles} leaves and as many joins, one every {ChurnPeriod.TotalSeconds:0} s, {next} bots in all) and the same " +
                $"warm-up at 9 participants {Mb(after)} ({Signed((after - nine) * 100.0 / nine)} %; anonymous RSS {Mb(nineAnonymous)} -> {Mb(afterChurnAnonymous)}; " +
                $"RSS during the churn: {string.Join(", ", trend)}); ")
            : "no churn run (--churn-minutes 0); ";
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **Memory (6)**: VmRSS (/proc/PID/status) of the real Mcu.Server process on 127.0.0.1 (server GC as shipped), which holds the room and nothing else; " +
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
        if (nineAfterChurn is long end)
        {
            double ratio = (double)end / nine;
            rows.Add(new("6", $"Server RSS after {churnSeconds / 60:0.0} min of churn (join + leave every {ChurnPeriod.TotalSeconds:0} s), at 9 participants",
                Mb(end), $"before {Mb(nine)}", ratio, $"{1 - ChurnTolerance:0.00}-{1 + ChurnTolerance:0.00}", Math.Abs(ratio - 1) <= ChurnTolerance));
        }

        return rows;
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("0.0", CultureInfo.InvariantCulture);
}
