using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Mcu.Testing.Media;

/// <summary>ffmpeg and ffprobe as independent readers of what the recorder wrote.</summary>
public static class Ffmpeg
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Runs a tool to completion; stdout as bytes, stderr as text.</summary>
    public static (int ExitCode, byte[] Output, string Errors) Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill();
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish");
        }
        copy.Wait(Patience);
        return (process.ExitCode, output.ToArray(), errors.Result);
    }

    /// <summary>
    /// A VP8 IVF file's bytes as ffmpeg's libvpx writes them: <paramref name="frames"/> frames of a
    /// lavfi source (e.g. "color=c=blue:size=320x240:rate=15"), a keyframe every <paramref name="keyframeInterval"/>.
    /// </summary>
    public static byte[] Vp8Ivf(string lavfiSource, int frames, int keyframeInterval)
    {
        var (code, output, errors) = Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", lavfiSource,
            "-frames:v", frames.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p", "-c:v", "libvpx", "-deadline", "realtime",
            "-g", keyframeInterval.ToString(CultureInfo.InvariantCulture), "-keyint_min", keyframeInterval.ToString(CultureInfo.InvariantCulture),
            "-auto-alt-ref", "0", "-f", "ivf", "-");
        Check(code == 0 && output.Length > 0, $"ffmpeg could not encode {lavfiSource}: {errors}");
        return output;
    }

    /// <summary>ffprobe's view of the container and its streams.</summary>
    public static JsonDocument Probe(string path)
    {
        var (code, output, errors) = Run("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path);
        Check(code == 0, $"ffprobe failed: {errors}");
        return JsonDocument.Parse(output);
    }

    public static JsonElement Stream(JsonDocument probe, string codecType)
    {
        foreach (var stream in probe.RootElement.GetProperty("streams").EnumerateArray())
        {
            if (stream.GetProperty("codec_type").GetString() == codecType)
            {
                return stream;
            }
        }
        throw new InvalidOperationException($"no {codecType} stream");
    }

    /// <summary>What a full decode of every stream complains about (empty for a clean file).</summary>
    public static string DecodeErrors(string path) => Run("ffmpeg", "-v", "error", "-i", path, "-f", "null", "-").Errors.Trim();

    /// <summary>Every packet: stream index, pts and duration in seconds, keyframe flag.</summary>
    public static List<(int Stream, double Pts, double Duration, bool Key)> Packets(string path)
    {
        var (code, output, errors) = Run("ffprobe", "-v", "error", "-show_entries", "packet=stream_index,pts_time,duration_time,flags", "-of", "csv=p=0", path);
        Check(code == 0, $"ffprobe failed: {errors}");
        var packets = new List<(int, double, double, bool)>();
        foreach (var line in System.Text.Encoding.ASCII.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(',');
            packets.Add((
                int.Parse(fields[0], CultureInfo.InvariantCulture),
                Seconds(fields[1]),
                Seconds(fields[2]),
                fields[3].StartsWith('K')));
        }
        return packets;
    }

    /// <summary>Where the last packet of any stream ends, in seconds: what plays, whatever the header says.</summary>
    public static double PlayableSeconds(string path)
    {
        var end = 0.0;
        foreach (var (_, pts, duration, _) in Packets(path))
        {
            end = Math.Max(end, pts + duration);
        }
        return end;
    }

    /// <summary>The whole audio track decoded to 48 kHz mono, the stream's first sample at index 0.</summary>
    public static short[] DecodeAudio(string path)
    {
        var (code, output, errors) = Run("ffmpeg", "-v", "error", "-i", path, "-map", "0:a", "-f", "s16le", "-ac", "1", "-ar", "48000", "-");
        Check(code == 0, $"ffmpeg audio decode failed: {errors}");
        var pcm = new short[output.Length / 2];
        Buffer.BlockCopy(output, 0, pcm, 0, pcm.Length * 2);
        return pcm;
    }

    /// <summary>The video frame shown at <paramref name="at"/> as packed RGB.</summary>
    public static byte[] FrameRgb(string path, TimeSpan at, int width, int height)
    {
        var (code, output, errors) = Run("ffmpeg", "-v", "error", "-ss", at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            "-i", path, "-map", "0:v", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        Check(code == 0, $"ffmpeg frame decode failed: {errors}");
        Check(output.Length == width * height * 3, $"ffmpeg gave {output.Length} bytes for a {width}x{height} rgb24 frame");
        return output;
    }

    /// <summary>The first audio frame's presentation time after decoding (pre-skip applied), in seconds.</summary>
    public static double FirstAudioFrameSeconds(string path)
    {
        var (code, output, errors) = Run("ffprobe", "-v", "error", "-select_streams", "a", "-read_intervals", "%+#1",
            "-show_entries", "frame=pts_time", "-of", "csv=p=0", path);
        Check(code == 0, $"ffprobe failed: {errors}");
        return Seconds(System.Text.Encoding.ASCII.GetString(output).Split('\n')[0]);
    }

    /// <summary>Every decoded video frame's time and mean luma (signalstats), in order.</summary>
    public static List<(double Pts, double Luma)> VideoLuma(string path)
    {
        var (code, output, errors) = Run("ffprobe", "-v", "error", "-f", "lavfi", "-i", $"movie={path},signalstats",
            "-show_entries", "frame=pts_time:frame_tags=lavfi.signalstats.YAVG", "-of", "csv=p=0");
        Check(code == 0, $"ffprobe signalstats failed: {errors}");
        var frames = new List<(double, double)>();
        foreach (var line in System.Text.Encoding.ASCII.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(',');
            frames.Add((Seconds(fields[0]), Seconds(fields[1])));
        }
        return frames;
    }

    private static double Seconds(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>What ffprobe reads of a file's first video and audio streams.</summary>
    public static MediaStreams Streams(string path)
    {
        using var probe = Probe(path);
        var video = Stream(probe, "video");
        var audio = Stream(probe, "audio");
        return new MediaStreams(
            video.GetProperty("codec_name").GetString()!,
            video.GetProperty("width").GetInt32(),
            video.GetProperty("height").GetInt32(),
            audio.GetProperty("codec_name").GetString()!,
            int.Parse(audio.GetProperty("sample_rate").GetString()!, CultureInfo.InvariantCulture),
            audio.GetProperty("channels").GetInt32());
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
