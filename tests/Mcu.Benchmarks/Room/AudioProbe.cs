using System.Globalization;
using Mcu.Benchmarks.Audio;
using Mcu.Benchmarks.Report;
using Mcu.Conference;
using Mcu.Media.Native;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Target 5: the audio of a room costs little and stays on time. The cost of one 20 ms tick
/// for 9 participants, two speaking (decode, mix with mix-minus, encodes), measured on the
/// <see cref="AudioBenchmarks"/> tick and in a real room of audio-only bots; and a room of 50
/// audio-only bots over UDP that must run every tick on time.
/// </summary>
internal sealed class AudioProbe : IReportProbe
{
    private const int Speakers = 2;
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(20);

    public string Name => "audio";

    public IReadOnlyList<ReportRow> Run(ReportContext context)
    {
        bool quick = context.Options.Quick;
        int runs = context.Options.Runs;
        int ticks = quick ? 150 : 1000;
        int roomSeconds = quick ? 8 : 20;
        int steps = runs + (2 * roomSeconds) + 2;
        int step = 0;

        var shares = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            context.Progress.Report(Name, $"9 participants' tick ({ticks} ticks), run {run + 1}/{runs}", step++, steps);
            shares.Add(TickShare(9, ticks));
        }

        RoomAudio nine = RunRoom(context, 9, roomSeconds, ref step, steps);
        RoomAudio fifty = RunRoom(context, 50, roomSeconds, ref step, steps);
        context.Progress.Report(Name, "done", steps, steps);

        double share = Statistics.Median(shares);
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **Audio (5)**: *tick*: the AudioBenchmarks room tick (jitter buffer, Opus decode of every participant, mix with mix-minus and limiter, " +
            $"speaker detection, the shared encode plus one per speaker; room mix complexity {OpusEncoderSettings.RoomMix.Complexity}), " +
            $"9 participants, {Speakers} speaking, the rest sending an idle microphone's noise; thread CPU time of {ticks} ticks over 20 ms " +
            $"(runs {Statistics.Range(shares, "0.00")} %). *Rooms*: MediaBots in a child process over real UDP, audio only (they decline the composite), " +
            $"{Speakers} sending a tone and the others silence, for {roomSeconds} s after they all connected; CPU of the room's clock threads per audio tick " +
            $"(the video tick has no viewer and does nothing), and the room's missed-tick counter (a tick more than one period late)."));
        context.AddDetail(nine.Describe());
        context.AddDetail(fifty.Describe());
        return
        [
            new ReportRow("5", $"Audio tick, 9 participants, {Speakers} speaking (decode + mix + encodes)", Percent(share), "20 ms of one core", share / 100, "<= 5 %", share <= 5),
            new ReportRow("5", $"Same in a room of 9 audio-only bots over UDP", Percent(nine.SharePercent), "20 ms of one core", nine.SharePercent / 100, "<= 5 %", nine.SharePercent <= 5),
            new ReportRow("5", $"Late audio ticks, room of 50 audio-only bots, {roomSeconds} s", $"{fifty.Missed} of {fifty.Ticks + fifty.Missed}", "none", null, "0", fifty.Missed == 0),
        ];
    }

    /// <summary>CPU per tick of the AudioBenchmarks tick as a percentage of the 20 ms period.</summary>
    private static double TickShare(int participants, int ticks)
    {
        var benchmark = new AudioBenchmarks { Participants = participants, Complexity = OpusEncoderSettings.RoomMix.Complexity };
        benchmark.Setup();
        try
        {
            TimeSpan start = CpuClock.CurrentThread;
            for (int i = 0; i < ticks; i++)
            {
                benchmark.RoomTick();
            }

            return (CpuClock.CurrentThread - start) / ticks / TickPeriod * 100;
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    private static RoomAudio RunRoom(ReportContext context, int bots, int seconds, ref int step, int steps)
    {
        context.Progress.Report("audio", $"starting {bots} audio-only bots", step, steps);
        using var endpoint = new LoopbackMediaEndpoint();
        using var room = new Conference.Room($"audio{bots}", new RoomOptions(), endpoint);
        using var fleet = BotFleet.Start(room, new BotFleetOptions(bots, SendVideo: false, Speakers, ReceiveVideo: false), TimeSpan.FromSeconds(60 + bots * 3));
        int[] clock = CpuClock.WaitForThreadsNamed("mcu-room-clock", 2);
        int[] network = [.. CpuClock.WaitForThreadsNamed("mcu-net-", 1), .. CpuClock.WaitForThreadsNamed("mcu-udp-recv", 1)];
        Thread.Sleep(1000); // every jitter buffer settled
        RoomStatistics first = room.Statistics;
        TimeSpan clockStart = CpuClock.Threads(clock);
        TimeSpan networkStart = CpuClock.Threads(network);
        for (int s = 0; s < seconds; s++)
        {
            context.Progress.Report("audio", $"room of {bots} audio-only bots, second {s + 1}/{seconds}", step++, steps);
            Thread.Sleep(1000);
        }

        RoomStatistics last = room.Statistics;
        long ticks = last.AudioTicks - first.AudioTicks;
        var result = new RoomAudio(bots, ticks, last.AudioTicksMissed - first.AudioTicksMissed, last.AudioTicksMissed,
            (CpuClock.Threads(clock) - clockStart) / Math.Max(1, ticks) / TickPeriod * 100,
            (CpuClock.Threads(network) - networkStart) / Math.Max(1, ticks) / TickPeriod * 100);
        fleet.Stop();
        result.BotsDecoded = fleet.Decoded.Audio;
        return result;
    }

    private static string Percent(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " % of a core";

    private sealed record RoomAudio(int Bots, long Ticks, long Missed, long MissedSinceStart, double SharePercent, double NetworkPercent)
    {
        public long BotsDecoded { get; set; }

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"  - {Bots} audio-only bots: {Ticks} audio ticks, {Missed} late ({MissedSinceStart} since the room started, joins included); " +
            $"clock threads {SharePercent:0.00} % of a core, network threads (SRTP, RTP/RTCP, sockets) {NetworkPercent:0.00} %; " +
            $"the bots decoded {BotsDecoded} mixed frames.");
    }
}
