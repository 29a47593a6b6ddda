using System.Diagnostics;
using System.Globalization;
using Mcu.Benchmarks.Report;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// What the server did over a measuring window under load: its own counters from /metrics
/// (composite frames, dropped composite frames, members' frames dropped before decoding, missed
/// audio ticks, encode time), the frame rate every receiving bot saw, and the CPU of the
/// server, the bots and everything else on the machine.
/// </summary>
internal sealed record LoadWindow(
    double Seconds,
    double CompositeFrames,
    double Dropped,
    double DecodeDropped,
    double MissedAudioTicks,
    double EncodeWallMs,
    double MinFps,
    double MedianFps,
    double ServerCores,
    double BotCores,
    double OtherCores,
    long ServerResidentBytes)
{
    public const string CompositeFramesMetric = "mcu_composite_frames_total";
    public const string DroppedMetric = "mcu_composite_dropped_total";
    public const string DecodeDroppedMetric = "mcu_decode_dropped_total";
    public const string EncodeSumMetric = "mcu_encode_duration_milliseconds_sum";
    public const string EncodeCountMetric = "mcu_encode_duration_milliseconds_count";
    public const string MissedAudioMetric = "mcu_audio_ticks_missed_total";

    /// <summary>
    /// No dropped composite frame, no member's frame dropped undecoded (a decoder that falls
    /// behind would freeze tiles without dropping composites), no missed audio tick, and every
    /// receiver got at least 90 % of the frame rate.
    /// </summary>
    public bool Held(int frameRate) => Dropped == 0 && DecodeDropped == 0 && MissedAudioTicks == 0 && MinFps >= 0.9 * frameRate;

    /// <summary>Measures for <paramref name="seconds"/> with these bots receiving (ids); <paramref name="tick"/> shows progress each second.</summary>
    public static LoadWindow Measure(ServerProcess server, BotDriver bots, IReadOnlyCollection<string> receivers, int seconds, Action<int> tick)
    {
        MetricsScrape before = server.Scrape();
        Dictionary<string, (long Video, long Audio)> countsBefore = bots.Counts();
        TimeSpan serverCpu = server.CpuTime;
        TimeSpan botCpu = bots.CpuTime;
        TimeSpan ownCpu = CpuClock.Process;
        (long busy, long total) = ProcessStats.MachineJiffies();
        long start = Stopwatch.GetTimestamp();
        for (int s = 0; s < seconds; s++)
        {
            tick(s);
            Thread.Sleep(1000);
        }

        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        MetricsScrape after = server.Scrape();
        Dictionary<string, (long Video, long Audio)> countsAfter = bots.Counts();
        double serverCores = (server.CpuTime - serverCpu).TotalSeconds / wall;
        double botCores = (bots.CpuTime - botCpu).TotalSeconds / wall;
        double ownCores = (CpuClock.Process - ownCpu).TotalSeconds / wall;
        (long busyAfter, long totalAfter) = ProcessStats.MachineJiffies();
        double machineWall = (totalAfter - total) / 100.0 / Environment.ProcessorCount;
        double machineCores = (busyAfter - busy) / 100.0 / Math.Max(machineWall, 1e-9);
        var fps = new List<double>();
        foreach (string id in receivers)
        {
            long received = countsAfter.GetValueOrDefault(id).Video - countsBefore.GetValueOrDefault(id).Video;
            fps.Add(received / wall);
        }

        double Delta(string metric) => after.Sum(metric) - before.Sum(metric);

        return new LoadWindow(
            wall,
            Delta(CompositeFramesMetric),
            Delta(DroppedMetric),
            Delta(DecodeDroppedMetric),
            Delta(MissedAudioMetric),
            // Wall time of each composite encode on its clock thread: it grows when rooms queue for the cores.
            Delta(EncodeSumMetric) / Math.Max(1, Delta(EncodeCountMetric)),
            fps.Count == 0 ? 0 : fps.Min(),
            Statistics.Median(fps),
            serverCores,
            botCores,
            Math.Max(0, machineCores - serverCores - botCores - ownCores),
            server.ResidentBytes);
    }

    /// <summary>The server's CPU time per composite frame, everything included (decode, compose, encode, audio, network): a room's cost at 30 fps.</summary>
    public double ServerCpuPerFrameMs => CompositeFrames <= 0 ? 0 : ServerCores * Seconds * 1000 / CompositeFrames;

    /// <summary>One line for the details.</summary>
    public string Describe(int rooms, int frameRate) => string.Create(CultureInfo.InvariantCulture,
        $"{rooms} room(s): {(Held(frameRate) ? "held" : "did not hold")}: {CompositeFrames / Seconds / Math.Max(1, rooms):0.0} composite frames/s per room, " +
        $"{Dropped:0} dropped composite frames, {DecodeDropped:0} input frames dropped before decoding, {MissedAudioTicks:0} missed audio ticks, encode {EncodeWallMs:0.0} ms wall per frame, receivers {MinFps:0.0} fps at least (median {MedianFps:0.0}); " +
        $"server {Percent(ServerCores)} of the {Environment.ProcessorCount} cores ({ServerCpuPerFrameMs:0.0} ms of CPU per composite frame), RSS {ProcessStats.Megabytes(ServerResidentBytes)}; " +
        $"bots {Percent(BotCores)}, other processes {Percent(OtherCores)}");

    public static string Percent(double cores) => (cores * 100 / Environment.ProcessorCount).ToString("0", CultureInfo.InvariantCulture) + " %";
}
