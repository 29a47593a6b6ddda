using Mcu.Testing;
using System.Diagnostics;
using Mcu.Client;
using Mcu.Compositor;
using Mcu.Conference;
using Mcu.Media.Video;
using Mcu.Recording.Tests.Support;
using Mcu.Testing.Media;

namespace Mcu.Recording.Tests;

/// <summary>A real room recorded end to end: what the file shows and plays is what the participants did.</summary>
public sealed class RoomRecordingTests : IAsyncDisposable
{
    private const int Width = 640;
    private const int Height = 360;
    private static readonly (byte R, byte G, byte B) Red = (220, 40, 40);
    private static readonly (byte R, byte G, byte B) Green = (40, 200, 60);
    private readonly TestDirectory _directory = new();
    private readonly TestRoom _room = new("studio", new RoomOptions { Width = Width, Height = Height, FrameRate = 15 });

    public async ValueTask DisposeAsync()
    {
        await _room.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Ten_seconds_of_two_participants_record_their_colours_where_the_layout_puts_them_and_both_tones()
    {
        await _room.Join(Bot(Red, 400));
        using var manager = new RecordingManager(new RecordingOptions { Directory = _directory.Path });
        var wall = Stopwatch.StartNew();
        var started = manager.Start(_room.Room);
        Assert.Equal(RecordingState.Running, started.State);

        // The second participant joins after the start and leaves before the end: the file spans
        // both layout changes, each a forced keyframe.
        var second = await _room.Join(Bot(Green, 900));
        await Until(wall, TimeSpan.FromSeconds(7.5));
        await _room.Leave(second);
        await Until(wall, TimeSpan.FromSeconds(10));
        var stopped = manager.Stop("studio", started.Id)!;
        var recorded = wall.Elapsed.TotalSeconds;

        Assert.Equal(RecordingState.Finished, stopped.State);
        Assert.Equal(0, stopped.FramesDropped);
        using (var probe = Ffmpeg.Probe(started.Path))
        {
            Assert.Equal(new MediaStreams("vp8", Width, Height, "opus", 48_000, 1), Ffmpeg.Streams(started.Path));
            var duration = double.Parse(probe.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(duration, recorded - 0.5, recorded + 0.5);
        }
        Assert.InRange(Ffmpeg.PlayableSeconds(started.Path), recorded - 0.5, recorded + 0.5);
        Assert.Equal("", Ffmpeg.DecodeErrors(started.Path));

        // The middle: both, side by side as the layout for two puts them.
        var twoUp = _room.Layouts.Resolve(_room.Room.LayoutName, 2)!;
        var middle = Ffmpeg.FrameRgb(started.Path, TimeSpan.FromSeconds(5), Width, Height);
        AssertColour(middle, SlotCentre(twoUp.Slots[0]), Red, "the first participant's slot at 5 s");
        AssertColour(middle, SlotCentre(twoUp.Slots[1]), Green, "the second participant's slot at 5 s");
        // After the second one left: the first alone fills the picture.
        var end = Ffmpeg.FrameRgb(started.Path, TimeSpan.FromSeconds(recorded - 0.7), Width, Height);
        AssertColour(end, (Width / 4, Height / 2), Red, "the left half at the end");
        AssertColour(end, (3 * Width / 4, Height / 2), Red, "the right half at the end");

        var pcm = Ffmpeg.DecodeAudio(started.Path);
        var together = pcm.AsSpan(3 * 48_000, 3 * 48_000);
        Assert.True(ToneDetector.RelativeLevelDb(together, 400) > -12, $"400 Hz in the middle at {ToneDetector.RelativeLevelDb(together, 400):0.0} dB");
        Assert.True(ToneDetector.RelativeLevelDb(together, 900) > -12, $"900 Hz in the middle at {ToneDetector.RelativeLevelDb(together, 900):0.0} dB");
        var alone = pcm.AsSpan((int)((recorded - 1.6) * 48_000), 48_000);
        Assert.True(ToneDetector.RelativeLevelDb(alone, 400) > -3, "400 Hz at the end");
        Assert.True(ToneDetector.AbsoluteLevelDbfs(alone, 900) < -50, "no 900 Hz after the second participant left");
    }

    private static MediaBotOptions Bot((byte R, byte G, byte B) colour, double tone) =>
        new() { SolidColor = YuvColor.FromRgb(colour.R, colour.G, colour.B), ToneHertz = tone, Width = 320, Height = 180, FrameRate = 15 };

    private static async Task Until(Stopwatch wall, TimeSpan at)
    {
        var left = at - wall.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    private static (int X, int Y) SlotCentre(Compositor.Layouts.LayoutSlot slot)
    {
        var rect = SlotGeometry.SlotRect(slot, Width, Height);
        return (rect.X + (rect.Width / 2), rect.Y + (rect.Height / 2));
    }

    private static void AssertColour(byte[] rgb, (int X, int Y) at, (byte R, byte G, byte B) expected, string where)
    {
        var i = ((at.Y * Width) + at.X) * 3;
        var seen = (rgb[i], rgb[i + 1], rgb[i + 2]);
        Assert.True(
            Math.Abs(seen.Item1 - expected.R) <= 40 && Math.Abs(seen.Item2 - expected.G) <= 40 && Math.Abs(seen.Item3 - expected.B) <= 40,
            $"{where}: expected about {expected}, decoded {seen}");
    }
}
