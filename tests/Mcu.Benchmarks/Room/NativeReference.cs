using System.Diagnostics;
using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Room;

/// <summary>
/// Runs native/bench's mcu_room_reference: the room's decode, scale and encode in plain C over
/// the same libvpx and libyuv with the same settings, single-threaded, timed by its own CPU
/// clocks after a warm-up. libyuv's bilinear filter stands in for our compositor's scaling.
/// Back to back, frames follow each other at once (the floor with warm caches); paced, one
/// composite is made per frame period with the CPU idle in between, as in a live room.
/// </summary>
internal static class NativeReference
{
    public const string ProgramName = "mcu_room_reference";

    public static NativeResult Run(RepositoryPaths paths, IReadOnlyList<RoomInput> inputs, IReadOnlyList<(PixelRect Slot, PixelRect Crop)> tiles,
        Vp8EncoderSettings s, int warmup, int frames, bool paced)
    {
        using NativeRun run = Start(paths, inputs, tiles, s, warmup, frames, paced);
        return run.Finish();
    }

    /// <summary>Starts one run without waiting for it, so that several can run side by side.</summary>
    public static NativeRun Start(RepositoryPaths paths, IReadOnlyList<RoomInput> inputs, IReadOnlyList<(PixelRect Slot, PixelRect Crop)> tiles,
        Vp8EncoderSettings s, int warmup, int frames, bool paced)
    {
        string program = Path.Combine(paths.NativeBuild, ProgramName);
        if (!File.Exists(program))
        {
            throw new FileNotFoundException($"{program} is missing: building tests/Mcu.Benchmarks builds it (cmake --build native/build --target {ProgramName}).");
        }

        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string setting in (string[])
        [
            $"width={s.Width}", $"height={s.Height}", $"fps={s.FrameRate}", $"frames={frames}", $"warmup={warmup}", $"paced={(paced ? 1 : 0)}",
            $"filter={(int)ScaleFilter.Bilinear}",
            $"bitrate={s.BitrateBps}", $"speed={s.Speed}", $"threads={s.Threads}", $"kf={s.KeyframeInterval}", $"partitions={(int)s.TokenPartitions}",
            $"er={(s.ErrorResilient ? 1 : 0)}", $"minq={s.MinQuantizer}", $"maxq={s.MaxQuantizer}", $"buf={s.BufferSizeMs}", $"bufinit={s.BufferInitialMs}",
            $"bufopt={s.BufferOptimalMs}", $"undershoot={s.UndershootPercent}", $"overshoot={s.OvershootPercent}", $"maxintra={s.MaxIntraBitratePercent}",
            $"static={s.StaticThreshold}", $"noise={s.NoiseSensitivity}", $"drop={s.DropFrameThreshold}",
        ])
        {
            start.ArgumentList.Add(setting);
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            (PixelRect slot, PixelRect crop) = tiles[i];
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture,
                $"tile={slot.X},{slot.Y},{slot.Width},{slot.Height},{crop.X},{crop.Y},{crop.Width},{crop.Height},{inputs[i].Path}"));
        }

        return new NativeRun(Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start."));
    }
}

/// <summary>A started run of the native reference; <see cref="Finish"/> waits for its one line of results.</summary>
internal sealed class NativeRun : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    public NativeRun(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    public NativeResult Finish()
    {
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{NativeReference.ProgramName} failed ({_process.ExitCode}): {_errors.Result}");
        }

        Dictionary<string, string> values = _output.Result.Trim().Split(' ').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        double Value(string key) => double.Parse(values[key], CultureInfo.InvariantCulture);
        return new NativeResult(Value("decode_ms"), Value("compose_ms"), Value("encode_ms"), Value("total_ms"), Value("bytes_per_frame"),
            (int)Value("frames"), Value("wall_ms"), (int)Value("late"));
    }

    /// <summary>Stops a run that was not finished (the report failed elsewhere).</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}

/// <summary>
/// Milliseconds of CPU per composite frame made, by stage and in all (the process's CPU time);
/// the frames made, the wall time per tick, and the ticks skipped for starting a period late (paced).
/// </summary>
internal sealed record NativeResult(double DecodeMs, double ComposeMs, double EncodeMs, double TotalMs, double BytesPerFrame, int Frames, double WallMs, int Late);
