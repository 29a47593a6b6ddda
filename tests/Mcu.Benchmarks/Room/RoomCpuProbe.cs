using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Compositor.Layouts;
using Mcu.Conference;
using Mcu.Media.Native;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Targets 1 and 2: the room's CPU per composite frame (decode N + compose + encode) against
/// the native reference and the ffmpeg pipeline, each back to back (as fast as it goes) and
/// paced at the room's frame rate like a live room, for 4 and 9 participants; and the compose
/// stage against the encode stage. Within each run the five measurements follow each other in a
/// rotating order, so that they see the same machine.
/// </summary>
internal sealed class RoomCpuProbe : IReportProbe
{
    private const int Measurements = 5;
    private const int InputFrames = 450;
    private static readonly int[] Sizes = [4, 9];

    public string Name => "room";

    public IReadOnlyList<ReportRow> Run(ReportContext context)
    {
        bool quick = context.Options.Quick;
        // Two seconds: the first keyframes, and the runtime's tiered compilation of the hot paths.
        int warmup = quick ? 15 : 60;
        int frames = quick ? 60 : 270;
        int runs = context.Options.Runs;
        if (warmup + frames > InputFrames)
        {
            throw new InvalidOperationException($"{warmup + frames} frames do not fit in inputs of {InputFrames}.");
        }

        var options = new RoomOptions();
        Vp8EncoderSettings settings = RoomEncoderSettings.For(options);
        using var layouts = new LayoutCatalog(context.Paths.Layouts);
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **Room CPU per composite frame (1)**: {frames} composite frames of {options.Width}x{options.Height} after {warmup} warm-up frames, " +
            $"N inputs of {RoomInputs.Width}x{RoomInputs.Height} VP8 (ffmpeg lavfi patterns, 600 kbit/s), composite VP8 at speed {settings.Speed}, " +
            $"{settings.BitrateBps / 1000} kbit/s CBR, {settings.Threads} thread. *Ours*: a real Room (default options, layouts/ 'auto', name labels) " +
            $"fed in process (no network), paced by its own clock at {options.FrameRate} fps; CPU time of the room's threads (decoder thread + clock threads) per frame. " +
            $"*Native*: native/bench/room_reference.c, libvpx decode + libyuv bilinear scale + libvpx encode on one thread, its process CPU time; " +
            $"back to back (the brief's reference) and paced at {options.FrameRate} fps like our room (idle between frames, so colder caches, as in any live room). " +
            $"*ffmpeg*: one ffmpeg 'scale + xstack' pipeline, single-threaded decoders, filters and libvpx, its CPU for warm-up + measured frames minus warm-up alone; " +
            $"back to back, and paced with -re (reading the inputs in real time, as when mixing live streams). Ratios are medians of per-run ratios."));
        var rows = new List<ReportRow>();
        int step = 0;
        int steps = Sizes.Length * runs * Measurements;
        foreach (int n in Sizes)
        {
            // Long enough that no pipeline loops its inputs (ffmpeg would stop at their end instead).
            IReadOnlyList<RoomInput> inputs = RoomInputs.Get(context.Paths.Work, n, InputFrames);
            var tiles = RoomGeometry.Tiles(layouts, options, n, RoomInputs.Width, RoomInputs.Height);
            var results = new Results();
            for (int run = 0; run < runs; run++)
            {
                for (int k = 0; k < Measurements; k++)
                {
                    string what = $"{n} tiles, run {run + 1}/{runs}: ";
                    switch ((run + k) % Measurements)
                    {
                        case 0:
                            context.Progress.Report(Name, what + "native reference", step++, steps);
                            results.Native.Add(NativeReference.Run(context.Paths, inputs, tiles, settings, warmup, frames, paced: false));
                            break;
                        case 1:
                            context.Progress.Report(Name, what + $"native reference, paced ({(warmup + frames) / options.FrameRate} s)", step++, steps);
                            results.NativePaced.Add(NativeReference.Run(context.Paths, inputs, tiles, settings, warmup, frames, paced: true));
                            break;
                        case 2:
                            context.Progress.Report(Name, what + "ffmpeg pipeline", step++, steps);
                            results.Ffmpeg.Add(FfmpegRoomPipeline.Run(inputs, tiles, settings, warmup, frames, paced: false));
                            break;
                        case 3:
                            context.Progress.Report(Name, what + $"ffmpeg pipeline, paced ({(2 * warmup + frames) / options.FrameRate} s)", step++, steps);
                            results.FfmpegPaced.Add(FfmpegRoomPipeline.Run(inputs, tiles, settings, warmup, frames, paced: true));
                            break;
                        default:
                            context.Progress.Report(Name, what + $"our room ({(warmup + frames) / options.FrameRate} s)", step++, steps);
                            results.Ours.Add(RoomPipeline.Run(layouts, inputs, warmup, frames));
                            break;
                    }
                }
            }

            rows.AddRange(Rows(context, n, results));
        }

        context.Progress.Report(Name, "done", steps, steps);
        return rows;
    }

    private static List<ReportRow> Rows(ReportContext context, int n, Results results)
    {
        var rows = new List<ReportRow>();
        List<double> ours = results.Ours.ConvertAll(r => r.RoomThreadsMs);
        List<double> native = results.Native.ConvertAll(r => r.TotalMs);
        List<double> paced = results.NativePaced.ConvertAll(r => r.TotalMs);
        double vsNative = Statistics.MedianRatio(ours, native);
        double vsPaced = Statistics.MedianRatio(ours, paced);
        double vsFfmpeg = Statistics.MedianRatio(ours, results.Ffmpeg);
        double vsFfmpegPaced = Statistics.MedianRatio(ours, results.FfmpegPaced);
        string figure = $"Room CPU per composite frame, {n} tiles";
        string oursText = Ms(Statistics.Median(ours));
        rows.Add(new ReportRow("1", figure, oursText, "native " + Ms(Statistics.Median(native)), vsNative, "<= 1.10", vsNative <= 1.10));
        rows.Add(new ReportRow("1", figure, oursText, "native paced " + Ms(Statistics.Median(paced)), vsPaced, "<= 1.10", vsPaced <= 1.10));
        rows.Add(new ReportRow("1", figure, oursText, "ffmpeg " + Ms(Statistics.Median(results.Ffmpeg)), vsFfmpeg, "<= 1.00", vsFfmpeg <= 1.00));
        rows.Add(new ReportRow("1", figure, oursText, "ffmpeg paced " + Ms(Statistics.Median(results.FfmpegPaced)), vsFfmpegPaced, "<= 1.00", vsFfmpegPaced <= 1.00));

        List<RoomResult> o = results.Ours;
        double compose = Statistics.Median(o.Select(r => r.ComposeMs));
        double encode = Statistics.Median(o.Select(r => r.EncodeMs));
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"  - {n} tiles, ours {oursText} (runs {Statistics.Range(ours, "0.00")}): decoder thread {Ms(Statistics.Median(o.Select(r => r.DecoderThreadMs)))}, " +
            $"clock threads {Ms(Statistics.Median(o.Select(r => r.ClockThreadsMs)))}, whole process {Ms(Statistics.Median(o.Select(r => r.ProcessMs)))}; " +
            $"compose {Ms(compose)} + encode {Ms(encode)} wall on the clock thread; {Statistics.Median(o.Select(r => r.DecodesPerFrame)):0.00} decodes per frame; " +
            $"{Statistics.Median(o.Select(r => r.BytesPerFrame)) / 1000:0.0} kB per frame; GC collections gen0/1/2 {o.Sum(r => r.Gen0)}/{o.Sum(r => r.Gen1)}/{o.Sum(r => r.Gen2)}; " +
            $"late video ticks {o.Sum(r => r.VideoTicksMissed)}."));
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"  - {n} tiles, native {Describe(results.Native)}; paced {Describe(results.NativePaced)}; " +
            $"ffmpeg {Ms(Statistics.Median(results.Ffmpeg))} (runs {Statistics.Range(results.Ffmpeg, "0.00")}), paced {Ms(Statistics.Median(results.FfmpegPaced))} (runs {Statistics.Range(results.FfmpegPaced, "0.00")})."));
        if (n == Sizes[^1])
        {
            double share = Statistics.Median(o.Select(r => r.ComposeMs / r.EncodeMs));
            context.AddDetail("- **Compose vs encode (2)**: the room's own mcu.compose.duration and mcu.encode.duration histograms (wall time on the clock thread: " +
                "layout, scaling, labels and YUV blending vs one VP8 encode), mean per frame in each run; ratio = median of per-run ratios.");
            rows.Add(new ReportRow("2", $"Compose stage / encode stage, {n} tiles", "compose " + Ms(compose), "encode " + Ms(encode), share, "<= 0.15", share <= 0.15));
        }

        return rows;
    }

    private static string Describe(List<NativeResult> results) => string.Create(CultureInfo.InvariantCulture,
        $"{Ms(Statistics.Median(results.Select(r => r.TotalMs)))} (runs {Statistics.Range(results.Select(r => r.TotalMs), "0.00")}: " +
        $"decode {Ms(Statistics.Median(results.Select(r => r.DecodeMs)))}, scale {Ms(Statistics.Median(results.Select(r => r.ComposeMs)))}, " +
        $"encode {Ms(Statistics.Median(results.Select(r => r.EncodeMs)))}, {Statistics.Median(results.Select(r => r.BytesPerFrame)) / 1000:0.0} kB per frame)");

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private sealed class Results
    {
        public List<NativeResult> Native { get; } = [];

        public List<NativeResult> NativePaced { get; } = [];

        public List<double> Ffmpeg { get; } = [];

        public List<double> FfmpegPaced { get; } = [];

        public List<RoomResult> Ours { get; } = [];
    }
}
