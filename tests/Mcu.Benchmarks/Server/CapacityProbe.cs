using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Benchmarks.Room;
using Mcu.Compositor.Layouts;
using Mcu.Conference;
using Mcu.Media.Native;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// Target 7: how many rooms the real server holds on this machine without dropping composite
/// frames. Rooms of 4 and of 9 participants (640x360 at 30 fps in, the default 1280x720 at 30
/// fps out), and one room of 16 participants (320x240 at 15 fps) with WHEP viewers of its
/// composite. The bots run in one child process beside the server on the same cores: their
/// CPU is measured and reported too. Rooms are added (or, when the target fails, removed) one
/// at a time, each count measured over a window after everybody joined. The same search then
/// runs copies of the native reference side by side (<see cref="NativeRooms"/>): the codec
/// floor of this machine, measured in the same run.
/// </summary>
internal sealed class CapacityProbe : IReportProbe
{
    private const int CompositeRate = 30; // the server's default, which the probe keeps

    public string Name => "capacity";

    public IReadOnlyList<ReportRow> Run(ReportContext context)
    {
        bool quick = context.Options.Quick;
        var plan = new Plan(context, quick ? 10 : 30, quick ? 4 : 8);
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **Capacity (7)**: the real Mcu.Server process on 127.0.0.1 (default settings: 1280x720 VP8 at 30 fps per room, one network loop), a fresh one per " +
            $"scenario; MediaBots in one child process on the same {Environment.ProcessorCount} cores dial in over WHIP/WHEP, loop the room probe's cameras (row 1's inputs: 640x360 VP8 of " +
            $"different lavfi patterns at 600 kbit/s, {RoomInputs.Frames / RoomInputs.FrameRate} s each; the room of 16 sends the bots' own 320x240 test pattern) and Opus (one speaker per room, the others digital silence), and receive the composite and mix without decoding them (reassembled and " +
            $"counted). Each room count is measured over {plan.Window} s, {plan.Settle} s after the last join. Held = the server's /metrics show no dropped composite " +
            $"frame (mcu_composite_dropped_total, late video ticks), no participant's frame dropped before decoding (mcu_decode_dropped_total, a decoder fallen behind) and no missed audio tick (mcu_audio_ticks_missed_total) in the window, and every receiving bot " +
            $"got at least 90 % of {CompositeRate} fps. /metrics has process totals (no per-room series), so a window covers all rooms together; per-room rates come " +
            $"from the bots. CPU is process CPU time over the window (server, the bots' process, and the rest of the machine from /proc/stat). " +
            $"*Native floor*: the same search with one copy of native/bench/room_reference.c per room instead of the server (row 1's native reference: the same inputs, geometry and encoder settings, video only, no audio or network), " +
            $"paced at {CompositeRate} fps side by side, started a share of a period apart as the server spreads its rooms' ticks, each over {plan.Settle} s of warm-up and a {plan.Window} s window; " +
            $"like the room clock, each skips and counts a composite frame it starts a whole period late, and held = none skipped. " +
            $"The second row of each size sets the server's CPU per composite frame against the native copies' at the same room count.") +
            (quick ? " Quick run: fewer rooms and viewers, no search for the limit." : ""));
        var rows = new List<ReportRow>();
        rows.AddRange(Rooms(context, plan, participants: 4, target: 5, quick));
        rows.AddRange(Rooms(context, plan, participants: 9, target: 3, quick));
        rows.Add(BigRoom(context, plan, viewers: quick ? 20 : 100));
        return rows;
    }

    private static List<ReportRow> Rooms(ReportContext context, Plan plan, int participants, int target, bool quick)
    {
        IReadOnlyList<RoomInput> cameras = RoomInputs.Get(context.Paths.Work, participants);
        Dictionary<int, LoadWindow> server = ServerRooms(context, plan, participants, target, quick, cameras);
        Dictionary<int, NativeRooms> native = CodecFloor(context, plan, participants, target, quick, cameras);
        int held = server.Where(w => w.Value.Held(CompositeRate)).Select(w => w.Key).DefaultIfEmpty(0).Max();
        int nativeHeld = native.Where(w => w.Value.Held).Select(w => w.Key).DefaultIfEmpty(0).Max();
        LoadWindow shown = server[held > 0 ? held : server.Keys.Min()];
        NativeRooms nativeShown = native[nativeHeld > 0 ? nativeHeld : native.Keys.Min()];
        string ours = string.Create(CultureInfo.InvariantCulture,
            $"{held} (at {(held > 0 ? held : server.Keys.Min())}: server {LoadWindow.Percent(shown.ServerCores)} of {Environment.ProcessorCount} cores, " +
            $"{ProcessStats.Megabytes(shown.ServerResidentBytes)}; bots {LoadWindow.Percent(shown.BotCores)})");
        string reference = string.Create(CultureInfo.InvariantCulture,
            $"native floor {nativeHeld} (at {nativeShown.Rooms}: {LoadWindow.Percent(nativeShown.Cores)})");
        var rows = new List<ReportRow>
        {
            new("7", $"Rooms of {participants} participants (640x360 in, 720p30 out) held without drops", ours,
                quick ? reference + "; quick: limit not searched" : reference, nativeHeld > 0 ? (double)held / nativeHeld : null, $">= {target}", quick ? null : held >= target),
        };

        // Side by side at the same count: what the server spends per room beyond the codecs.
        int at = quick ? Math.Min(2, target) : target;
        if (server.TryGetValue(at, out LoadWindow? window) && native.TryGetValue(at, out NativeRooms? floor))
        {
            rows.Add(new ReportRow("7", $"Server CPU per composite frame, {at} rooms of {participants} (decode, compose, encode, audio, network)",
                string.Create(CultureInfo.InvariantCulture, $"{window.ServerCpuPerFrameMs:0.0} ms"),
                string.Create(CultureInfo.InvariantCulture, $"native {floor.CpuPerFrameMs:0.0} ms ({at} side by side, video only)"),
                window.ServerCpuPerFrameMs / floor.CpuPerFrameMs, "orientation", null));
        }

        return rows;
    }

    /// <summary>
    /// The server with rooms added (or, when the target fails, removed) one at a time from the
    /// target, each count measured over a window; returns every window by its room count.
    /// </summary>
    private static Dictionary<int, LoadWindow> ServerRooms(ReportContext context, Plan plan, int participants, int target, bool quick, IReadOnlyList<RoomInput> cameras)
    {
        context.Progress.Report("capacity", $"rooms of {participants}: starting the server", 0, 1);
        using ServerProcess server = ServerProcess.Start(context);
        using BotDriver bots = BotDriver.Start();
        var rooms = new List<string[]>();
        return Search(target, quick, count =>
        {
            while (rooms.Count < count)
            {
                context.Progress.Report("capacity", $"rooms of {participants}: {participants} bots joining room {rooms.Count + 1}", rooms.Count, count);
                rooms.Add(AddRoom(server, bots, cameras, $"cap{participants}-{rooms.Count}"));
            }

            while (rooms.Count > count)
            {
                bots.Leave(rooms[^1]);
                rooms.RemoveAt(rooms.Count - 1);
            }

            LoadWindow window = plan.Measure(server, bots, rooms, $"rooms of {participants}: {rooms.Count} room(s)", "capacity");
            context.AddDetail(string.Create(CultureInfo.InvariantCulture, $"  - Rooms of {participants}, {window.Describe(rooms.Count, CompositeRate)}"));
            return (window, window.Held(CompositeRate));
        });
    }

    /// <summary>The same search with copies of the native reference instead of the server: the codec floor of this machine.</summary>
    private static Dictionary<int, NativeRooms> CodecFloor(ReportContext context, Plan plan, int participants, int target, bool quick, IReadOnlyList<RoomInput> cameras)
    {
        var options = new RoomOptions();
        using var layouts = new LayoutCatalog(context.Paths.Layouts);
        var tiles = RoomGeometry.Tiles(layouts, options, participants, RoomInputs.Width, RoomInputs.Height);
        Vp8EncoderSettings settings = RoomEncoderSettings.For(options);
        return Search(target, quick, count =>
        {
            context.Progress.Report("capacity", $"rooms of {participants}: {count} native reference room(s) side by side, {plan.Settle + plan.Window} s", 0, 1);
            NativeRooms floor = NativeRooms.Measure(context.Paths, cameras, tiles, settings, count, plan.Settle, plan.Window);
            context.AddDetail($"  - Rooms of {participants}, {floor.Describe()}");
            return (floor, floor.Held);
        });
    }

    /// <summary>
    /// From the target: when it holds, one more is tried; when it fails, one fewer at a time
    /// until a count holds (or 1). A quick run measures min(2, target) once.
    /// </summary>
    private static Dictionary<int, T> Search<T>(int target, bool quick, Func<int, (T Window, bool Held)> measure)
    {
        var windows = new Dictionary<int, T>();
        int count = quick ? Math.Min(2, target) : target;
        bool goingDown = false;
        while (true)
        {
            (T window, bool held) = measure(count);
            windows[count] = window;
            if (quick)
            {
                return windows;
            }

            if (held)
            {
                if (goingDown || count > target)
                {
                    return windows;
                }

                count++; // the target holds: show whether one more does
            }
            else
            {
                if (count <= 1 || count > target)
                {
                    return windows;
                }

                goingDown = true;
                count--;
            }
        }
    }

    private ReportRow BigRoom(ReportContext context, Plan plan, int viewers)
    {
        const string Room = "cap16";
        context.Progress.Report(Name, "16 participants and viewers: starting the server", 0, 1);
        using ServerProcess server = ServerProcess.Start(context);
        using BotDriver bots = BotDriver.Start();
        Uri whip = server.Whip(Room);
        bots.Join(Enumerable.Range(0, 16).Select(i => ($"{Room}p{i}", whip, BotSpec.Participant(320, 240, 15, speaking: i == 0))), TimeSpan.FromSeconds(120));
        Uri whep = server.Whep(Room);
        for (int joined = 0; joined < viewers; joined += 25)
        {
            context.Progress.Report(Name, $"16 participants, viewers joining {joined}/{viewers}", joined, viewers);
            bots.Join(Enumerable.Range(joined, Math.Min(25, viewers - joined)).Select(i => ($"{Room}v{i}", whep, BotSpec.Viewer)), TimeSpan.FromSeconds(180));
        }

        string[] receivers = [.. Enumerable.Range(0, 16).Select(i => $"{Room}p{i}"), .. Enumerable.Range(0, viewers).Select(i => $"{Room}v{i}")];
        LoadWindow window = plan.Measure(server, bots, [receivers], $"1 room of 16 participants + {viewers} viewers", Name);
        context.AddDetail("  - 1 room of 16 participants (320x240 at 15 fps in) and " + viewers + " WHEP viewers, " + window.Describe(1, CompositeRate));
        string ours = string.Create(CultureInfo.InvariantCulture,
            $"{(window.Held(CompositeRate) ? "held" : "dropped")}: viewers >= {window.MinFps:0.0} fps, {window.Dropped:0} dropped (server {LoadWindow.Percent(window.ServerCores)}, " +
            $"{ProcessStats.Megabytes(window.ServerResidentBytes)}; bots {LoadWindow.Percent(window.BotCores)})");
        return new ReportRow("7", $"1 room of 16 participants (320x240 at 15 fps) + {viewers} WHEP viewers without drops", ours, "none", null,
            $"held, ~{CompositeRate} fps", window.Held(CompositeRate));
    }

    /// <summary>Joins one room of participants (the first speaking), each looping one of the room probe's cameras, and returns its bot ids.</summary>
    private static string[] AddRoom(ServerProcess server, BotDriver bots, IReadOnlyList<RoomInput> cameras, string room)
    {
        Uri whip = server.Whip(room);
        string[] ids = [.. Enumerable.Range(0, cameras.Count).Select(i => $"{room}b{i}")];
        bots.Join(ids.Select((id, i) => (id, whip, BotSpec.Camera(cameras[i].Path, RoomInputs.FrameRate, speaking: i == 0))), TimeSpan.FromSeconds(120));
        return ids;
    }

    /// <summary>How long to settle and to measure, and the measuring itself with progress.</summary>
    private sealed record Plan(ReportContext Context, int Window, int Settle)
    {
        public LoadWindow Measure(ServerProcess server, BotDriver bots, List<string[]> rooms, string label, string probe)
        {
            Thread.Sleep(TimeSpan.FromSeconds(Settle));
            return LoadWindow.Measure(server, bots, [.. rooms.SelectMany(r => r)], Window,
                s => Context.Progress.Report(probe, $"{label}, second {s + 1}/{Window}", s, Window));
        }
    }
}
