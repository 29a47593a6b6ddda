using Mcu.Testing.Media;
using Mcu.Testing;
using System.Diagnostics;
using Xunit.Abstractions;
using Mcu.Recording.Tests.Support;

namespace Mcu.Recording.Tests;

/// <summary>A server process killed with SIGKILL while recording leaves a file that plays up to near the kill.</summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_recording_killed_with_SIGKILL_plays_up_to_within_two_seconds_of_the_kill()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Mcu.Recording.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add(_directory.Path);
        using var child = Process.Start(start)!;
        string path;
        Stopwatch recording;
        try
        {
            var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            recording = Stopwatch.StartNew();
            if (line is null || !line.StartsWith("RECORDING ", StringComparison.Ordinal))
            {
                child.Kill();
                Assert.Fail($"the crash host said '{line}': {await child.StandardError.ReadToEndAsync()}");
            }
            path = line["RECORDING ".Length..];
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        finally
        {
            child.Kill(); // SIGKILL: no finalizer, no flush, no graceful end
        }
        var killedAfter = recording.Elapsed.TotalSeconds;
        await child.WaitForExitAsync();
        Assert.Equal(137, child.ExitCode); // 128 + SIGKILL

        Assert.Equal("", Ffmpeg.DecodeErrors(path));
        using (var probe = Ffmpeg.Probe(path))
        {
            Assert.Equal("vp8", Ffmpeg.Stream(probe, "video").GetProperty("codec_name").GetString());
            Assert.Equal("opus", Ffmpeg.Stream(probe, "audio").GetProperty("codec_name").GetString());
        }
        var playable = Ffmpeg.PlayableSeconds(path);
        output.WriteLine($"killed after {killedAfter:0.000} s of recording; the file plays {playable:0.000} s");
        Assert.InRange(playable, killedAfter - 2, killedAfter + 0.5);
        Assert.True(Ffmpeg.DecodeAudio(path).Length >= (killedAfter - 2) * 48_000);
    }
}
