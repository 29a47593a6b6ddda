using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Mcu.Testing.Browser;

/// <summary>
/// Capture files for Chromium's fake camera and microphone, made once per process with ffmpeg:
/// a solid colour proves whose video is where, a pure tone whose audio is heard.
/// </summary>
public static class FakeMedia
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), $"mcu-fake-media-{Environment.ProcessId}");
    private static readonly ConcurrentDictionary<string, Lazy<string>> Files = new();

    /// <summary>A y4m file of one solid colour (ffmpeg colour name or 0xRRGGBB).</summary>
    public static string SolidColorVideo(string color, int width = 320, int height = 240, int fps = 15, int seconds = 4) =>
        Make($"{color.TrimStart('#')}-{width}x{height}-{fps}.y4m",
            "-f", "lavfi", "-i", FormattableString.Invariant($"color=c={color}:size={width}x{height}:rate={fps}"),
            "-t", seconds.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p");

    /// <summary>A 48 kHz mono wav of a sine tone.</summary>
    public static string ToneAudio(int hertz, int seconds = 4) =>
        Make(FormattableString.Invariant($"tone{hertz}.wav"),
            "-f", "lavfi", "-i", FormattableString.Invariant($"sine=frequency={hertz}:sample_rate=48000"),
            "-t", seconds.ToString(CultureInfo.InvariantCulture), "-ac", "1");

    private static string Make(string name, params string[] arguments) =>
        Files.GetOrAdd(name, n => new Lazy<string>(() => Run(n, arguments))).Value;

    private static string Run(string name, string[] arguments)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-y");
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add("error");
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make {name}: {errors.Result}");
        }
        return path;
    }
}
