using System.Diagnostics;
using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Client;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// Target 4: the latency the MCU adds, through the real server and the real UDP path. A room of
/// four bots (one child process, so one Stopwatch clock) on the real server: the marker bot's
/// video is a flat colour that switches between red and blue every ten frames, and it notes when
/// the last packet of each switching frame left its socket; a receiving participant decodes the
/// composite and notes, for every composite frame, when its first packet arrived and the colour
/// at the marker's tile. The first composite frame showing the new colour gives one sample.
/// </summary>
internal sealed class LatencyProbe : IReportProbe
{
    private const string Room = "latency";
    private const double P50Limit = 25;
    private const double P95Limit = 45;

    /// <summary>
    /// The marker's frame rate: not the composite's 30, as no camera's clock is locked to the
    /// server's. At exactly 30 fps from the same machine clock every input frame would meet the
    /// composite tick at one phase fixed at join time, and the tick wait (0-33 ms) would be one
    /// constant instead of being sampled; at 29 fps the phase walks through all of it.
    /// </summary>
    private const int MarkerFrameRate = 29;

    // BT.601 video-range red and blue: far apart from each other and from the other tiles.
    private static readonly YuvColor Red = new(81, 90, 240);
    private static readonly YuvColor Blue = new(41, 240, 110);
    private static readonly YuvColor[] Others = [new(128, 128, 128), new(145, 54, 34), new(210, 16, 146)];

    public string Name => "latency";

    public IReadOnlyList<ReportRow> Run(ReportContext context)
    {
        int seconds = context.Options.Quick ? 15 : 75;
        int steps = seconds + 3;
        context.Progress.Report(Name, "starting the server", 0, steps);
        using ServerProcess server = ServerProcess.Start(context);
        using BotDriver bots = BotDriver.Start();
        context.Progress.Report(Name, "4 bots joining", 1, steps);
        Uri whip = server.Whip(Room);
        bots.Join(
        [
            ("marker", whip, new BotSpec(640, 360, MarkerFrameRate, 0, Decode: false, Red, Blue)),
            ("p2", whip, new BotSpec(640, 360, 30, 0, Decode: false, Others[0])),
            ("p3", whip, new BotSpec(640, 360, 30, 0, Decode: false, Others[1])),
            ("rx", whip, new BotSpec(640, 360, 30, 0, Decode: true, Others[2])),
        ], TimeSpan.FromSeconds(60));
        context.Progress.Report(Name, "finding the marker's tile in the composite", 2, steps);
        (double fx, double fy) = FindMarker(bots);
        bots.SetProbe("rx", fx, fy);
        MetricsScrape before = server.Scrape();
        TimeSpan serverCpu = server.CpuTime;
        TimeSpan botCpu = bots.CpuTime;
        long start = Stopwatch.GetTimestamp();
        for (int s = 0; s < seconds; s++)
        {
            context.Progress.Report(Name, $"room of 4 bots, marker every {BotSpec.MarkerPeriod} frames, second {s + 1}/{seconds}", 3 + s, steps);
            Thread.Sleep(1000);
        }

        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        MetricsScrape after = server.Scrape();
        double serverShare = (server.CpuTime - serverCpu).TotalSeconds / wall;
        double botShare = (bots.CpuTime - botCpu).TotalSeconds / wall;
        (TimedValue[] switches, _) = bots.Timeline("marker");
        (_, TimedValue[] frames) = bots.Timeline("rx");
        Latencies result = Match(switches, frames);
        context.Progress.Report(Name, "done", steps, steps);

        double dropped = after.Sum(LoadWindow.DroppedMetric) - before.Sum(LoadWindow.DroppedMetric);
        double[] sorted = [.. result.Milliseconds.Order()];
        double p50 = Percentile(sorted, 0.50);
        double p95 = Percentile(sorted, 0.95);
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **MCU-added latency (4)**: the real Mcu.Server process on 127.0.0.1 (default 1280x720 VP8 at 30 fps, layout 'auto'), four MediaBots in one child process " +
            $"dialling in over WHIP (real UDP, DTLS-SRTP), each sending a flat-coloured 640x360 VP8 stream (pre-encoded) and digital silence. " +
            $"The marker bot sends {MarkerFrameRate} fps (the others 30: a camera's clock is not locked to the server's, and at exactly 30 fps the input frames would meet " +
            $"the composite ticks at one phase, fixed at join time, instead of all phases), switches between red and blue every {BotSpec.MarkerPeriod} frames and notes the Stopwatch time right after the last RTP packet of each " +
            $"switching frame went through sendto (on loopback its arrival at the server's socket, within microseconds); the receiving participant decodes the " +
            $"composite and notes, for each composite frame, the Stopwatch time at which its first RTP packet reached the bot's session (after the bot's receive thread, " +
            $"the hand-off to its network loop and SRTP unprotect: a small constant of a few tens of microseconds on an idle machine, counted in the figure), and the colour at " +
            $"the marker's tile (found at ({fx:0.000}, {fy:0.000}) of the picture). A sample is the time from a switch to the first composite frame showing the new colour; " +
            $"so it spans the server's receive, jitter buffer, decode, the wait for the next composite tick (uniform 0-33 ms at 30 fps), compose, encode, packetize and send. " +
            $"{seconds} s: {result.Milliseconds.Count} samples of {switches.Length} switches sent ({result.Unmatched} not matched: before the probe started, at the end, " +
            $"or shown more than one marker period late); p50 {p50:0.0} ms, p95 {p95:0.0} ms, max {(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} ms, " +
            $"min {(sorted.Length > 0 ? sorted[0] : double.NaN):0.0} ms; {frames.Length} composite frames probed; dropped composite frames in the window {dropped:0}; " +
            $"server CPU {serverShare * 100 / Environment.ProcessorCount:0.0} % of the {Environment.ProcessorCount} cores, bots {botShare * 100 / Environment.ProcessorCount:0.0} %."));
        bool enough = sorted.Length >= (context.Options.Quick ? 10 : 100);
        return
        [
            new ReportRow("4", "MCU-added latency p50, last input packet in -> first composite packet out, room of 4 at 720p30",
                Ms(p50), $"{sorted.Length} samples", null, $"<= {P50Limit:0} ms", enough ? p50 <= P50Limit : null),
            new ReportRow("4", "MCU-added latency p95, same samples", Ms(p95), $"max {Ms(sorted.Length > 0 ? sorted[^1] : double.NaN)}", null,
                $"<= {P95Limit:0} ms", enough ? p95 <= P95Limit : null),
        ];
    }

    /// <summary>Pairs each colour switch with the first composite frame that shows it.</summary>
    internal static Latencies Match(TimedValue[] switches, TimedValue[] frames)
    {
        var milliseconds = new List<double>();
        int unmatched = 0;
        long limit = Stopwatch.Frequency * BotSpec.MarkerPeriod / MarkerFrameRate;
        foreach (TimedValue change in switches)
        {
            int first = Array.FindIndex(frames, f => f.Timestamp > change.Timestamp && Classify(f.Value) == change.Value);
            bool valid = first > 0
                && frames[first - 1].Timestamp >= change.Timestamp - limit // the probe ran before the switch
                && Classify(frames[first - 1].Value) != change.Value       // the frame before still showed the old colour
                && frames[first].Timestamp - change.Timestamp < limit;     // shown within one marker period
            if (valid)
            {
                milliseconds.Add((frames[first].Timestamp - change.Timestamp) * 1000.0 / Stopwatch.Frequency);
            }
            else
            {
                unmatched++;
            }
        }

        return new Latencies(milliseconds, unmatched);
    }

    /// <summary>Which marker colour a probed value shows: 0 red, 1 blue, -1 neither.</summary>
    private static int Classify(int packed)
    {
        var color = new YuvColor((byte)(packed >> 16), (byte)(packed >> 8), (byte)packed);
        int red = Distance(color, Red);
        int blue = Distance(color, Blue);
        const int Near = 60;
        return red < blue && red < Near ? 0 : blue < red && blue < Near ? 1 : -1;
    }

    private static int Distance(YuvColor a, YuvColor b) =>
        Math.Abs(a.Y - b.Y) + Math.Abs(a.U - b.U) + Math.Abs(a.V - b.V);

    /// <summary>Where in the composite the marker's tile is: the centre of a 4x4 grid cell showing red or blue.</summary>
    private static (double X, double Y) FindMarker(BotDriver bots)
    {
        long deadline = Stopwatch.GetTimestamp() + (20 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.Sleep(500);
            (double X, double Y, int Distance) best = (0, 0, int.MaxValue);
            for (int row = 0; row < 4; row++)
            {
                for (int col = 0; col < 4; col++)
                {
                    double fx = (col + 0.5) / 4;
                    double fy = (row + 0.5) / 4;
                    if (bots.Sample("rx", fx, fy) is { } color)
                    {
                        int distance = Math.Min(Distance(color, Red), Distance(color, Blue));
                        if (distance < best.Distance)
                        {
                            best = (fx, fy, distance);
                        }
                    }
                }
            }

            if (best.Distance < 30)
            {
                return (best.X, best.Y);
            }
        }

        throw new InvalidOperationException("The marker's tile never showed in the composite the receiving bot decoded.");
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    internal sealed record Latencies(List<double> Milliseconds, int Unmatched);
}
