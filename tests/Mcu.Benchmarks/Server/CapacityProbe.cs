using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Benchmarks.Room;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// Target 7: how many rooms the real server holds on this machine without dropping composite
/// frames. Rooms of 4 and of 9 participants (640x360 at 30 fps in, the default 1280x720 at 30
/// fps out), and one room of 16 participants (320x240 at 15 fps) with WHEP viewers of its
/// composite. The bots run in one child process beside the server on the same cores: their
/// CPU is measured and reported too. Rooms are added (or, when the target fails, removed) one
/// at a time, each count measured over a window after everybody joined.
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
            $"from the bots. CPU is process CPU time over the window (server, the bots' process, and the rest of the machine from /proc/stat).") +
            (quick ? " Quick run: fewer rooms and viewers, no search for the limit." : ""));
        var rows = new List<ReportRow>();
        rows.Add(Rooms(context, plan, participants: 4, target: 5, quick));
        rows.Add(Rooms(context, plan, participants: 9, target: 3, quick));
        rows.Add(BigRoom(context, plan, viewers: quick ? 20 : 100));
        return rows;
    }

    private ReportRow Rooms(ReportContext context, Plan plan, int participants, int target, bool quick)
    {
        string figure = $"Rooms of {participants} participants (640x360 in, 720p30 out) held without drops";
        context.Progress.Report(Name, $"rooms of {participants}: starting the server", 0, 1);
        IReadOnlyList<RoomInput> cameras = RoomInputs.Get(context.Paths.Work, participants);
        using ServerProcess server = ServerProcess.Start(context);
        using BotDriver bots = BotDriver.Start();
        var rooms = new List<string[]>();
        int held = 0;
        LoadWindow? heldWindow = null;
        LoadWindow? lastWindow = null;
        bool searchingDown = false;
        int count = quick ? Math.Min(2, target) : target;
        while (true)
        {
            while (rooms.Count < count)
            {
                context.Progress.Report(Name, $"rooms of {participants}: {participants} bots joining room {rooms.Count + 1}", rooms.Count, count);
                rooms.Add(AddRoom(server, bots, cameras, $"cap{participants}-{rooms.Count}"));
            }

            while (rooms.Count > count)
            {
                bots.Leave(rooms[^1]);
                rooms.RemoveAt(rooms.Count - 1);
            }

            string label = $"rooms of {participants}: {rooms.Count} room(s)";
            lastWindow = plan.Measure(server, bots, rooms, label, Name);
            context.AddDetail(string.Create(CultureInfo.InvariantCulture, $"  - Rooms of {participants}, {lastWindow.Describe(rooms.Count, CompositeRate)}"));
            if (lastWindow.Held(CompositeRate))
            {
                (held, heldWindow) = (count, lastWindow);
                if (quick || searchingDown || count > target)
                {
                    break;
                }

                count++; // the target holds: show whether one more does
            }
            else
            {
                if (quick || held > 0 || count <= 1)
                {
                    break;
                }

                searchingDown = true;
                count--;
            }
        }

        LoadWindow shown = heldWindow ?? lastWindow;
        string ours = string.Create(CultureInfo.InvariantCulture,
            $"{held} (at {(heldWindow is null ? count : held)}: server {LoadWindow.Percent(shown.ServerCores)} of {Environment.ProcessorCount} cores, " +
            $"{ProcessStats.Megabytes(shown.ServerResidentBytes)}; bots {LoadWindow.Percent(shown.BotCores)})");
        return new ReportRow("7", figure, ours, quick ? "quick: limit not searched" : "none", null, $">= {target}", quick ? null : held >= target);
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
