using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mcu.Benchmarks.Codec;
using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// What users pick instead of an MCU: one ffmpeg process decoding the N inputs, scaling each
/// to its tile (bilinear) and xstack-ing them into the canvas, then encoding VP8 with libvpx at
/// the room's settings, single-threaded (decoders, filter graph and encoder). Back to back it
/// processes the files as fast as it can; paced (<c>-re</c>) it reads every input at its frame
/// rate, as it would mix live streams.
/// </summary>
/// <remarks>
/// ffmpeg's own <c>-benchmark</c> reports the process's user and system CPU time. Each
/// measurement runs ffmpeg twice, for the warm-up frames alone and for warm-up plus measured
/// frames; the difference divided by the measured frames is the steady-state CPU per composite
/// frame, without process start-up, input opening or the first keyframe.
/// </remarks>
internal static partial class FfmpegRoomPipeline
{
    /// <summary>Milliseconds of CPU per composite frame.</summary>
    public static double Run(IReadOnlyList<RoomInput> inputs, IReadOnlyList<(PixelRect Slot, PixelRect Crop)> tiles, Vp8EncoderSettings s,
        int warmup, int frames, bool paced)
    {
        TimeSpan shortRun = CpuTime(inputs, tiles, s, warmup, paced);
        TimeSpan longRun = CpuTime(inputs, tiles, s, warmup + frames, paced);
        return (longRun - shortRun).TotalMilliseconds / frames;
    }

    private static TimeSpan CpuTime(IReadOnlyList<RoomInput> inputs, IReadOnlyList<(PixelRect Slot, PixelRect Crop)> tiles, Vp8EncoderSettings s,
        int frames, bool paced)
    {
        var start = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string argument in Arguments(inputs, tiles, s, frames, paced))
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        string log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Match bench = BenchLine().Match(log);
        if (process.ExitCode != 0 || !bench.Success)
        {
            throw new InvalidOperationException($"The ffmpeg room pipeline failed ({process.ExitCode}): {log}");
        }

        return TimeSpan.FromSeconds(double.Parse(bench.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(bench.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static List<string> Arguments(IReadOnlyList<RoomInput> inputs, IReadOnlyList<(PixelRect Slot, PixelRect Crop)> tiles, Vp8EncoderSettings s,
        int frames, bool paced)
    {
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-nostats", "-loglevel", "info", "-benchmark" };
        foreach (RoomInput input in inputs)
        {
            if (paced)
            {
                arguments.Add("-re");
            }

            arguments.AddRange(["-threads", "1", "-i", input.Path]);
        }

        // Each input scaled to its tile (as a user would; no crop), then stacked where our room puts it.
        var graph = new StringBuilder();
        var stack = new StringBuilder();
        var layout = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            PixelRect slot = tiles[i].Slot;
            if (slot.Width == inputs[i].Video.Width && slot.Height == inputs[i].Video.Height)
            {
                stack.Append(CultureInfo.InvariantCulture, $"[{i}:v]");
            }
            else
            {
                graph.Append(CultureInfo.InvariantCulture, $"[{i}:v]scale={slot.Width}:{slot.Height}:flags=bilinear[s{i}];");
                stack.Append(CultureInfo.InvariantCulture, $"[s{i}]");
            }

            layout.Add(string.Create(CultureInfo.InvariantCulture, $"{slot.X}_{slot.Y}"));
        }

        graph.Append(stack).Append(CultureInfo.InvariantCulture, $"xstack=inputs={inputs.Count}:layout={string.Join('|', layout)}:fill=black[out]");
        arguments.AddRange(["-filter_complex_threads", "1", "-filter_complex", graph.ToString(), "-map", "[out]"]);
        arguments.AddRange(["-frames:v", frames.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange(FfmpegVp8.EncoderArguments(s));
        arguments.AddRange(["-f", "null", "-"]);
        return arguments;
    }

    [GeneratedRegex(@"bench: utime=([0-9.]+)s stime=([0-9.]+)s")]
    private static partial Regex BenchLine();
}
