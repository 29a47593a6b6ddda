using System.Diagnostics;
using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Compositor.Layouts;
using Mcu.Conference;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Target 3: a room in steady state allocates nothing per packet and per frame. A room with
/// four participants (bots in a child process over real UDP on 127.0.0.1, each sending 640x360
/// video and audio, two of them a tone, and receiving the composite and its mix-minus) runs for a
/// minute after a warm-up; this process, which holds only the room, must see no gen-1 or
/// gen-2 collection and a flat managed heap. It runs twice: with the layout catalog watching
/// layouts/ as the server does, and with the built-in grid layouts alone, which separates the
/// catalog's own background work from the media path.
/// </summary>
internal sealed class SteadyStateProbe : IReportProbe
{
    private const int Bots = 4;

    /// <summary>What "flat" allows: the heap may move by a small allocation budget, not grow with traffic or time.</summary>
    private const long FlatHeapBytes = 256 * 1024;

    public string Name => "steady";

    public IReadOnlyList<ReportRow> Run(ReportContext context)
    {
        bool quick = context.Options.Quick;
        int warmup = quick ? 5 : 15;
        int seconds = quick ? 15 : 60;
        var rows = new List<ReportRow>();
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **Steady state (3)**: a Room with {Bots} MediaBots (child process, real UDP on 127.0.0.1, DTLS-SRTP; each sends 640x360 VP8 and Opus, " +
            $"two of them a tone, and receives the composite and its mix) for {seconds} s after {warmup} s of warm-up; GC.CollectionCount and " +
            $"GC.GetTotalMemory of the room's process (which holds nothing else) each second, less what the report's own thread allocated meanwhile " +
            $"(its progress line: GC.GetAllocatedBytesForCurrentThread); " +
            $"flat = a range of at most {Kb(FlatHeapBytes)}. What the first variant allocates beyond the second is the layout catalog's."));
        using (var layouts = new LayoutCatalog(context.Paths.Layouts))
        {
            rows.AddRange(Measure(context, layouts, "layouts/ watched as the server does", warmup, seconds, 0));
        }

        rows.AddRange(Measure(context, null, "built-in layouts only", warmup, seconds, 1));
        return rows;
    }

    private ReportRow[] Measure(ReportContext context, LayoutCatalog? layouts, string variant, int warmup, int seconds, int index)
    {
        int total = 2 * (warmup + seconds);
        int done = index * (warmup + seconds);
        using var endpoint = new LoopbackMediaEndpoint();
        using var room = new Conference.Room("steady", new RoomOptions(), endpoint, layouts);
        context.Progress.Report(Name, $"{variant}: starting {Bots} bots", done, total);
        using var fleet = BotFleet.Start(room, new BotFleetOptions(Bots, SendVideo: true, Speakers: 2, ReceiveVideo: true), TimeSpan.FromSeconds(120));
        for (int s = 0; s < warmup; s++)
        {
            context.Progress.Report(Name, $"{variant}: warm-up", done++, total);
            Thread.Sleep(1000);
        }

        // The heap less what this thread (the progress line) allocated since the window began:
        // with no collection in between, the rest is the room's.
        var heap = new long[seconds + 1];
        Counters first = Counters.Take(room);
        heap[0] = GC.GetTotalMemory(forceFullCollection: false);
        long next = Stopwatch.GetTimestamp();
        for (int s = 1; s <= seconds; s++)
        {
            context.Progress.Report(Name, $"{variant}: {Bots} bots over UDP, second {s}/{seconds}", done++, total);
            next += Stopwatch.Frequency;
            TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            heap[s] = GC.GetTotalMemory(forceFullCollection: false) - (GC.GetAllocatedBytesForCurrentThread() - first.OwnAllocated);
        }

        Counters last = Counters.Take(room);
        fleet.Stop();
        long frames = last.Frames - first.Frames;
        long growth = heap[^1] - heap[0];
        long range = heap.Max() - heap.Min();
        long allocated = last.Allocated - first.Allocated - (last.OwnAllocated - first.OwnAllocated);
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"  - {variant}: {frames} composite frames ({last.Keyframes - first.Keyframes} keyframes), {last.AudioTicks - first.AudioTicks} audio ticks " +
            $"and {last.Decoded - first.Decoded} decoded frames in the window; " +
            $"gen0/1/2 collections {last.Gen0 - first.Gen0}/{last.Gen1 - first.Gen1}/{last.Gen2 - first.Gen2}; heap {Kb(heap[0])} at the start, {Kb(heap[^1])} at the end, " +
            $"range {Kb(range)}; {allocated} bytes allocated ({allocated / seconds} per second, {(double)allocated / Math.Max(1, frames):0.0} per composite frame); " +
            $"the bots decoded {fleet.Decoded.Video} video and {fleet.Decoded.Audio} audio frames."));
        return
        [
            new ReportRow("3", $"Gen-1 / gen-2 collections in {seconds} s, room with {Bots} bots over UDP, {variant}",
                $"{last.Gen1 - first.Gen1} / {last.Gen2 - first.Gen2}", "none", null, "0 / 0", last.Gen1 == first.Gen1 && last.Gen2 == first.Gen2),
            new ReportRow("3", $"Managed heap over those {seconds} s, {variant}", $"{(growth >= 0 ? "+" : "")}{Kb(growth)}, range {Kb(range)}",
                $"start {Kb(heap[0])}", null, $"range <= {Kb(FlatHeapBytes)}", range <= FlatHeapBytes),
        ];
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB";

    /// <summary>The room's counters and the process's collections and allocations; OwnAllocated is this (the report's) thread's.</summary>
    private readonly record struct Counters(long Frames, long Keyframes, long AudioTicks, long Decoded, int Gen0, int Gen1, int Gen2, long Allocated, long OwnAllocated)
    {
        public static Counters Take(Conference.Room room)
        {
            RoomStatistics statistics = room.Statistics;
            return new Counters(statistics.CompositeFramesEncoded, statistics.KeyframesEncoded, statistics.AudioTicks, statistics.FramesDecoded,
                GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true), GC.GetAllocatedBytesForCurrentThread());
        }
    }
}
