using System.Diagnostics;
using System.Globalization;
using Mcu.Media.Containers;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// The participants' cameras: 640x360 VP8 streams of different ffmpeg lavfi patterns (moving
/// ones first, a few still ones as people who sit still), encoded the way a browser sends them
/// (realtime CBR 600 kbit/s, one keyframe, error resilient). Generated once into the work
/// directory; the native reference, ffmpeg and our room all read the same files.
/// </summary>
internal static class RoomInputs
{
    public const int Width = 640;
    public const int Height = 360;
    public const int FrameRate = 30;

    /// <summary>Frames in each input (15 s): the room probe's warm-up and measured frames, and the capacity bots' loop.</summary>
    public const int Frames = 450;

    private static readonly string[] Patterns =
    [
        "testsrc2", "mandelbrot", "gradients", "sierpinski", "testsrc", "smptehdbars", "rgbtestsrc", "colorspectrum", "yuvtestsrc",
    ];

    /// <summary>The largest room the inputs serve.</summary>
    public static int MaxParticipants => Patterns.Length;

    /// <summary>The first <paramref name="count"/> inputs of <see cref="Frames"/> frames each, generated if missing.</summary>
    public static IReadOnlyList<RoomInput> Get(string workDirectory, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Patterns.Length);
        string directory = Path.Combine(workDirectory, "inputs");
        Directory.CreateDirectory(directory);
        var inputs = new List<RoomInput>(count);
        for (int i = 0; i < count; i++)
        {
            string name = Patterns[i];
            string path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{name}-{Width}x{Height}-{Frames}.ivf"));
            if (!File.Exists(path))
            {
                Generate(name, path);
            }

            inputs.Add(new RoomInput(name, path, IvfFile.Read(path)));
        }

        return inputs;
    }

    private static void Generate(string pattern, string path)
    {
        string partial = path + ".partial";
        var start = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string argument in (string[])
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"{pattern}=size={Width}x{Height}:rate={FrameRate}"),
            "-frames:v", Frames.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p",
            "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "-8", "-threads", "1",
            "-b:v", "600k", "-minrate", "600k", "-maxrate", "600k",
            "-g", "100000", "-lag-in-frames", "0", "-auto-alt-ref", "0", "-error-resilient", "default",
            "-f", "ivf", partial,
        ])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not generate the {pattern} input: {errors}");
        }

        File.Move(partial, path, overwrite: true);
    }
}

/// <summary>One participant's camera: its name (the tile label), its file, and its frames.</summary>
internal sealed record RoomInput(string Name, string Path, IvfFile Video);
