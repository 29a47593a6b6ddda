using System.Diagnostics;
using System.Globalization;
using Mcu.Media.Native;

namespace Mcu.Benchmarks.Codec;

/// <summary>Runs ffmpeg's libvpx VP8 encoder with the settings of a <see cref="Vp8EncoderSettings"/>.</summary>
internal static class FfmpegVp8
{
    /// <summary>Encodes <paramref name="frames"/> frames of the raw file (looped) and discards the output.</summary>
    public static void Encode(string rawFile, Vp8EncoderSettings s, int frames) =>
        Run(Input(rawFile, s, frames).Concat(EncoderArguments(s)).Concat(["-f", "null", "-"]));

    /// <summary>ffmpeg output options for its libvpx VP8 encoder at the settings of <paramref name="s"/>.</summary>
    public static IEnumerable<string> EncoderArguments(Vp8EncoderSettings s)
    {
        string kbps = (s.BitrateBps / 1000).ToString(CultureInfo.InvariantCulture) + "k";
        string bufferBits = ((long)s.BitrateBps * s.BufferSizeMs / 1000).ToString(CultureInfo.InvariantCulture);
        string initialBits = ((long)s.BitrateBps * s.BufferInitialMs / 1000).ToString(CultureInfo.InvariantCulture);
        return
        [
            "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", Text(s.Speed), "-threads", Text(s.Threads),
            // minrate == maxrate == b:v selects VPX_CBR in ffmpeg's libvpx wrapper.
            "-b:v", kbps, "-minrate", kbps, "-maxrate", kbps, "-bufsize", bufferBits, "-rc_init_occupancy", initialBits,
            "-qmin", Text(s.MinQuantizer), "-qmax", Text(s.MaxQuantizer),
            "-undershoot-pct", Text(s.UndershootPercent), "-overshoot-pct", Text(s.OvershootPercent),
            "-max-intra-rate", Text(s.MaxIntraBitratePercent), "-static-thresh", Text(s.StaticThreshold),
            "-noise-sensitivity", Text(s.NoiseSensitivity), "-drop-threshold", Text(s.DropFrameThreshold),
            "-lag-in-frames", "0", "-auto-alt-ref", "0", "-error-resilient", s.ErrorResilient ? "default" : "0",
            "-g", Text(s.KeyframeInterval),
        ];
    }

    /// <summary>The same process and input without an encoder: start-up plus raw-file reading.</summary>
    public static void ReadOnly(string rawFile, Vp8EncoderSettings s, int frames) =>
        Run(Input(rawFile, s, frames).Concat(["-f", "null", "-"]));

    private static IEnumerable<string> Input(string rawFile, Vp8EncoderSettings s, int frames) =>
    [
        "-nostdin", "-hide_banner", "-loglevel", "error",
        "-stream_loop", "-1", "-f", "rawvideo", "-pix_fmt", "yuv420p",
        "-s", $"{s.Width}x{s.Height}", "-r", Text(s.FrameRate), "-i", rawFile,
        "-frames:v", Text(frames), "-fps_mode", "passthrough",
    ];

    private static void Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg exited with code {process.ExitCode}.");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
