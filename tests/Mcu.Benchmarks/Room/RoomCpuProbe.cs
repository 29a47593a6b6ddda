using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Compositor.Layouts;
using Mcu.Conference;
using Mcu.Media.Native;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Targets 1 and 2: the room's CPU per composite frame (decode N + compose + encode) against
/// the native reference and the ffmpeg pipeline, all three back to back (as fast as they go) and
/// paced at the room's frame rate like a live room, each compared with its like, for 4 and 9
/// participants; and the compose stage against the encode stage. Within each run the six
/// measurements follow each other in a rotating order, so that they see the same machine.
/// </summary>
internal sealed class RoomCpuProbe : IReportProbe
{
    private const int Measurements = 6;
    private static readonly int[] Sizes = [4, 9];

    public string Name => "room";

    public IReadOnlyList<ReportRow> Run(ReportContext context)
    {
        bool quick = context.Options.Quick;
        // Two seconds: the first keyframes, and the runtime's tiered compilation of the hot paths.
        int warmup = quick ? 15 : 60;
        int frames = quick ? 60 : 270;
        int runs = context.Options.Runs;
        if (warmup + frames > RoomInputs.Frames)
        {
            throw new InvalidOperationException($"{warmup + frames} frames do not fit in inputs of {RoomInputs.Frames}.");
        }

        var options = new RoomOptions();
        Vp8EncoderSettings settings = RoomEncoderSettings.For(options);
        using var layouts = new LayoutCatalog(context.Paths.Layouts);
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"- **Room CPU per composite frame (1)**: {frames} composite frames of {options.Width}x{options.Height} after {warmup} warm-up frames, " +
            $"N inputs of {RoomInputs.Width}x{RoomInputs.Height} VP8 (ffmpeg lavfi patterns, 600 kbit/s), composite VP8 at speed {settings.Speed}, " +
            $"{settings.BitrateBps / 1000} kbit/s CBR, {settings.Threads} thread. *Ours*: a real Room (default options, layouts/ 'auto', name labels; " +
            $"libavcodec's VP8 decoder, as ffmpeg's, its pictures composed as decoded without a copy) " +
            $"fed in process (no network); back to back, single-threaded like the references: the room without threads of its own, the benchmark thread decoding the frame's N inputs through the room's decoder " +
            $"and running the room's video tick (that thread's CPU time); paced, the server's threading: its own clock at {options.FrameRate} fps " +
            $"(CPU time of the room's threads: decoder thread + clock threads). " +
            $"*Native*: native/bench/room_reference.c, libvpx decode (as the brief defines it) + libyuv bilinear scale + libvpx encode on one thread, its process CPU time; " +
            $"back to back (the brief's reference) and paced at {options.FrameRate} fps (idle between frames, so colder caches, as in any live room). " +
            $"*ffmpeg*: one ffmpeg 'scale + xstack' pipeline, single-threaded decoders, filters and libvpx, its CPU for warm-up + measured frames minus warm-up alone; " +
            $"back to back, and paced with -re (reading the inputs in real time, as when mixing live streams). Back to back is compared with back to back, paced with paced; ratios are medians of per-run ratios."));
        var rows = new List<ReportRow>();
        int step = 0;
        int steps = Sizes.Length * runs * Measurements;
        foreach (int n in Sizes)
        {
            // Long enough that no pipeline loops its inputs (ffmpeg would stop at their end instead).
            IReadOnlyList<RoomInput> inputs = RoomInputs.Get(context.Paths.Work, n);
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
                        case 4:
                            context.Progress.Report(Name, what + "our room", step++, steps);
                            results.Ours.Add(RoomPipeline.Run(layouts, inputs, warmup, frames, paced: false));
                            break;
                        default:
                            context.Progress.Report(Name, what + $"our room, paced ({(warmup + frames) / options.FrameRate} s)", step++, steps);
                            results.OursPaced.Add(RoomPipeline.Run(layouts, inputs, warmup, frames, paced: true));
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
        List<double> oursPaced = results.OursPaced.ConvertAll(r => r.RoomThreadsMs);
        List<double> native = results.Native.ConvertAll(r => r.TotalMs);
        List<double> nativePaced = results.NativePaced.ConvertAll(r => r.TotalMs);
        string figure = $"Room CPU per composite frame, {n} tiles";
        void Add(string how, List<double> us, string reference, List<double> them, double limit)
        {
            double ratio = Statistics.MedianRatio(us, them);
            rows.Add(new ReportRow("1", figure + how, Ms(Statistics.Median(us)), reference + " " + Ms(Statistics.Median(them)), ratio,
                "<= " + limit.ToString("0.00", CultureInfo.InvariantCulture), ratio <= limit));
        }

        Add(", back to back", ours, "native", native, 1.10);
        Add(", back to back", ours, "ffmpeg", results.Ffmpeg, 1.00);
        Add(", paced 30 fps", oursPaced, "native paced", nativePaced, 1.10);
        Add(", paced 30 fps", oursPaced, "ffmpeg paced", results.FfmpegPaced, 1.00);

        context.AddDetail(DescribeOurs($"  - {n} tiles, ours back to back", results.Ours, "decoding", "ticks"));
        context.AddDetail(DescribeOurs($"  - {n} tiles, ours paced", results.OursPaced, "decoder thread", "clock threads"));
        context.AddDetail(string.Create(CultureInfo.InvariantCulture,
            $"  - {n} tiles, native {Describe(results.Native)}; paced {Describe(results.NativePaced)}; " +
            $"ffmpeg {Ms(Statistics.Median(results.Ffmpeg))} (runs {Statistics.Range(results.Ffmpeg, "0.00")}), paced {Ms(Statistics.Median(results.FfmpegPaced))} (runs {Statistics.Range(results.FfmpegPaced, "0.00")})."));
        if (n == Sizes[^1])
        {
            List<RoomResult> o = results.OursPaced;
            double compose = Statistics.Median(o.Select(r => r.ComposeMs));
            double encode = Statistics.Median(o.Select(r => r.EncodeMs));
            double share = Statistics.Median(o.Select(r => r.ComposeMs / r.EncodeMs));
            context.AddDetail("- **Compose vs encode (2)**: the paced room's own mcu.compose.duration and mcu.encode.duration histograms (wall time on the clock thread: " +
                "layout, scaling, labels and YUV blending vs one VP8 encode), mean per frame in each run; ratio = median of per-run ratios.");
            rows.Add(new ReportRow("2", $"Compose stage / encode stage, {n} tiles", "compose " + Ms(compose), "encode " + Ms(encode), share, "<= 0.15", share <= 0.15));
        }

        return rows;
    }

    private static string DescribeOurs(string what, List<RoomResult> o, string decodes, string ticks)
    {
        List<double> total = o.ConvertAll(r => r.RoomThreadsMs);
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} {Ms(Statistics.Median(total))} (runs {Statistics.Range(total, "0.00")}): {decodes} {Ms(Statistics.Median(o.Select(r => r.DecoderThreadMs)))}, " +
            $"{ticks} {Ms(Statistics.Median(o.Select(r => r.ClockThreadsMs)))}, whole process {Ms(Statistics.Median(o.Select(r => r.ProcessMs)))}; " +
            $"compose {Ms(Statistics.Median(o.Select(r => r.ComposeMs)))} + encode {Ms(Statistics.Median(o.Select(r => r.EncodeMs)))} wall; " +
            $"{Statistics.Median(o.Select(r => r.DecodesPerFrame)):0.00} decodes per frame; {Statistics.Median(o.Select(r => r.BytesPerFrame)) / 1000:0.0} kB per frame; " +
            $"GC collections gen0/1/2 {o.Sum(r => r.Gen0)}/{o.Sum(r => r.Gen1)}/{o.Sum(r => r.Gen2)}; late video ticks {o.Sum(r => r.VideoTicksMissed)}.");
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

        public List<RoomResult> OursPaced { get; } = [];
    }
}
