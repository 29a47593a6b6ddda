using System.Globalization;
using Mcu.Benchmarks.Report;
using Mcu.Benchmarks.Room;
using Mcu.Media.Native;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// The codec floor of several rooms on this machine, for target 7: one copy of the native
/// reference per room, paced at the room's frame rate, side by side on the same cores, with the
/// server's inputs, geometry and encoder settings. Each copy, like the room clock, skips and
/// counts a composite frame it starts a whole period late. The copies start a share of a period
/// apart, as the server spreads its rooms' tick phases.
/// </summary>
internal sealed record NativeRooms(int Rooms, double Seconds, int Frames, int Late, double CpuPerFrameMs, double Cores)
{
    public bool Held => Late == 0;

    public static NativeRooms Measure(RepositoryPaths paths, IReadOnlyList<RoomInput> inputs, IReadOnlyList<(PixelRect Slot, PixelRect Crop)> tiles,
        Vp8EncoderSettings settings, int rooms, int warmupSeconds, int seconds)
    {
        int warmup = warmupSeconds * settings.FrameRate;
        int ticks = seconds * settings.FrameRate;
        var runs = new List<NativeRun>();
        try
        {
            for (int i = 0; i < rooms; i++)
            {
                if (i > 0)
                {
                    Thread.Sleep(1000 / settings.FrameRate / rooms);
                }

                runs.Add(NativeReference.Start(paths, inputs, tiles, settings, warmup, ticks, paced: true));
            }

            NativeResult[] results = [.. runs.Select(r => r.Finish())];
            int frames = results.Sum(r => r.Frames);
            double cpuMs = results.Sum(r => r.TotalMs * r.Frames);
            double wallSeconds = results.Average(r => r.WallMs) * ticks / 1000;
            return new NativeRooms(rooms, wallSeconds, frames, results.Sum(r => r.Late), cpuMs / Math.Max(1, frames), cpuMs / 1000 / wallSeconds);
        }
        finally
        {
            foreach (NativeRun run in runs)
            {
                run.Dispose();
            }
        }
    }

    /// <summary>One line for the details.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Rooms} native room(s) side by side: {(Held ? "held" : "did not hold")}: {Frames / Seconds / Math.Max(1, Rooms):0.0} composite frames/s per room, " +
        $"{Late} skipped late, {CpuPerFrameMs:0.0} ms of CPU per composite frame, {LoadWindow.Percent(Cores)} of the {Environment.ProcessorCount} cores");
}
