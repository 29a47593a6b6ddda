using Mcu.Testing.Media;
using Mcu.Testing;
using Mcu.Client;
using Mcu.Conference;
using Mcu.Media.Video;
using Mcu.Recording.Tests.Support;

namespace Mcu.Recording.Tests;

/// <summary>The service the server drives: start, stop, list, failures, AutoStart, shutdown; on real rooms.</summary>
public sealed class RecordingManagerTests : IAsyncDisposable
{
    private static readonly RoomOptions SmallRoom = new() { Width = 160, Height = 96, FrameRate = 15 };
    private readonly TestDirectory _directory = new();
    private readonly TestRoom _room = new("lobby", SmallRoom);
    private readonly List<(string Kind, RecordingInfo Info)> _events = [];

    public async ValueTask DisposeAsync()
    {
        await _room.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_recording_starts_stops_and_is_listed_and_a_second_start_is_a_conflict()
    {
        using var manager = NewManager(new RecordingOptions { Directory = _directory.Path });
        var started = manager.Start(_room.Room);
        Assert.Equal(RecordingState.Running, started.State);
        Assert.Equal("lobby", started.Room);
        Assert.True(File.Exists(started.Path));
        Assert.Equal(Path.GetFileNameWithoutExtension(started.Path), started.Id);

        var conflict = Assert.Throws<RecordingConflictException>(() => manager.Start(_room.Room));
        Assert.Equal(started.Id, conflict.RunningId);
        Assert.Contains("lobby", conflict.Message, StringComparison.Ordinal);

        await TestRoom.Eventually(() => manager.Find(started.Id)!.Duration > TimeSpan.FromSeconds(1.5), "the recording has 1.5 s of media");
        Assert.Equal(RecordingState.Running, Assert.Single(manager.List("lobby")).State);
        var stopped = manager.Stop("lobby", started.Id);

        Assert.NotNull(stopped);
        Assert.Equal(RecordingState.Finished, stopped.State);
        Assert.Null(stopped.Error);
        Assert.NotNull(stopped.EndedAt);
        Assert.Equal(new FileInfo(started.Path).Length, stopped.Bytes);
        Assert.InRange(stopped.Duration.TotalSeconds, 1.5, 10);
        Assert.Equal(stopped, manager.Stop("lobby", started.Id)); // stopping again changes nothing
        Assert.Equal(stopped, Assert.Single(manager.List("lobby")));
        Assert.Empty(manager.List("elsewhere"));
        Assert.Equal(["started", "stopped"], _events.Select(e => e.Kind));
        Assert.Equal("", Ffmpeg.DecodeErrors(started.Path));

        var again = manager.Start(_room.Room); // no longer a conflict
        Assert.Equal(RecordingState.Running, again.State);
        Assert.NotEqual(started.Path, again.Path);
    }

    [Fact]
    public void Stopping_an_unknown_recording_or_one_of_another_room_finds_nothing()
    {
        using var manager = NewManager(new RecordingOptions { Directory = _directory.Path });
        Assert.Null(manager.Stop("lobby", "no-such-recording"));
        var started = manager.Start(_room.Room);
        Assert.Null(manager.Stop("another-room", started.Id));
        Assert.Equal(RecordingState.Running, manager.Find(started.Id)!.State);
    }

    [Fact]
    public void Files_are_named_after_room_and_UTC_start_and_never_overwrite_one_another()
    {
        var clock = new FixedTime(new DateTimeOffset(2025, 6, 1, 14, 30, 5, TimeSpan.Zero));
        var taken = Path.Combine(_directory.Path, "lobby-20250601-143005-2.webm");
        File.WriteAllText(taken, "not ours");
        using var manager = NewManager(new RecordingOptions { Directory = _directory.Path }, clock);

        var first = manager.Start(_room.Room);
        manager.Stop("lobby", first.Id);
        var second = manager.Start(_room.Room); // the same second: the next free name
        manager.Stop("lobby", second.Id);

        Assert.Equal(Path.Combine(_directory.Path, "lobby-20250601-143005.webm"), first.Path);
        Assert.Equal(Path.Combine(_directory.Path, "lobby-20250601-143005-3.webm"), second.Path);
        Assert.Equal("not ours", File.ReadAllText(taken));
        Assert.Equal(clock.GetUtcNow(), first.StartedAt);
    }

    [Fact]
    public void A_missing_directory_is_created()
    {
        var directory = Path.Combine(_directory.Path, "new", "recordings");
        using var manager = NewManager(new RecordingOptions { Directory = directory });
        var started = manager.Start(_room.Room);
        Assert.Equal(RecordingState.Running, started.State);
        Assert.Equal(Path.GetFullPath(directory), Path.GetDirectoryName(started.Path));
    }

    [Fact]
    public async Task An_unwritable_directory_fails_the_recording_with_a_clear_error_and_the_room_goes_on()
    {
        var notADirectory = Path.Combine(_directory.Path, "a-file");
        File.WriteAllText(notADirectory, "");
        await using var bot = await _room.Join(new MediaBotOptions { SolidColor = YuvColor.FromRgb(40, 200, 60), Width = 160, Height = 96, FrameRate = 15 });
        using var manager = NewManager(new RecordingOptions { Directory = Path.Combine(notADirectory, "recordings") });

        var failed = manager.Start(_room.Room);

        Assert.Equal(RecordingState.Failed, failed.State);
        Assert.Contains(notADirectory, failed.Error, StringComparison.Ordinal);
        Assert.Contains("lobby", failed.Error, StringComparison.Ordinal);
        Assert.Equal(failed, Assert.Single(manager.List("lobby")));
        Assert.Equal([("failed", failed)], _events);
        await AssertRoomGoesOn(bot);
        Assert.Equal(RecordingState.Failed, manager.Start(_room.Room).State); // trying again is allowed, and fails again
    }

    [Fact]
    public async Task A_full_disk_stops_the_recording_with_the_error_and_the_room_goes_on()
    {
        await using var bot = await _room.Join(new MediaBotOptions { SolidColor = YuvColor.FromRgb(40, 200, 60), ToneHertz = 700, Width = 160, Height = 96, FrameRate = 15 });
        using var manager = new RecordingManager(new RecordingOptions { Directory = _directory.Path }, null, null,
            path => new FaultyStream(RecordingFiles.Open(path), capacity: 24_000));
        Subscribe(manager);

        var started = manager.Start(_room.Room);
        await TestRoom.Eventually(() => manager.Find(started.Id)!.State == RecordingState.Failed, "the disk fills up");

        var failed = manager.Find(started.Id)!;
        Assert.Contains("No space left on device", failed.Error, StringComparison.Ordinal);
        Assert.Contains(started.Path, failed.Error, StringComparison.Ordinal);
        Assert.Equal(["started", "failed"], _events.Select(e => e.Kind));
        await AssertRoomGoesOn(bot);
        Assert.Equal(0, _room.Room.Statistics.TickErrors);
        // What was written before the disk filled up still plays.
        Assert.True(Ffmpeg.PlayableSeconds(started.Path) > 0.5);
        Assert.Equal(RecordingState.Running, manager.Start(_room.Room).State); // not stuck "already recording"
    }

    [Fact]
    public async Task AutoStart_records_a_room_from_its_first_member_until_it_is_empty()
    {
        using var manager = NewManager(new RecordingOptions { Directory = _directory.Path, AutoStart = true });
        manager.OnRoomCreated(_room.Room);
        await Task.Delay(200);
        Assert.Empty(manager.List("lobby")); // nobody there yet

        var bot = await _room.Join(new MediaBotOptions { SendVideo = false, ToneHertz = 500 });
        await TestRoom.Eventually(() => manager.List("lobby") is [{ State: RecordingState.Running }], "the first member starts a recording");
        await TestRoom.Eventually(() => manager.List("lobby")[0].Duration > TimeSpan.FromSeconds(1), "a second is recorded");
        await _room.Leave(bot);
        await TestRoom.Eventually(() => manager.List("lobby") is [{ State: RecordingState.Finished }], "the empty room's recording finishes");

        var finished = manager.List("lobby")[0];
        Assert.Equal("", Ffmpeg.DecodeErrors(finished.Path));
        Assert.Equal(["started", "stopped"], _events.Select(e => e.Kind));
    }

    [Fact]
    public async Task Dispose_finalizes_running_recordings()
    {
        var manager = NewManager(new RecordingOptions { Directory = _directory.Path });
        var started = manager.Start(_room.Room);
        await TestRoom.Eventually(() => manager.Find(started.Id)!.Duration > TimeSpan.FromSeconds(1), "a second is recorded");
        manager.Dispose();

        Assert.Equal(["started", "stopped"], _events.Select(e => e.Kind));
        var finished = _events[1].Info;
        Assert.Equal(RecordingState.Finished, finished.State);
        using var probe = Ffmpeg.Probe(started.Path);
        // The graceful end wrote the Duration into the header.
        var duration = double.Parse(probe.RootElement.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(finished.Duration.TotalSeconds, duration, 0.01);
        Assert.Throws<ObjectDisposedException>(() => manager.Start(_room.Room));
    }

    private RecordingManager NewManager(RecordingOptions options, TimeProvider? time = null)
    {
        var manager = new RecordingManager(options, null, time);
        Subscribe(manager);
        return manager;
    }

    private void Subscribe(RecordingManager manager)
    {
        manager.RecordingStarted += (_, info) => Record("started", info);
        manager.RecordingStopped += (_, info) => Record("stopped", info);
        manager.RecordingFailed += (_, info) => Record("failed", info);
    }

    private void Record(string kind, RecordingInfo info)
    {
        lock (_events)
        {
            _events.Add((kind, info));
        }
    }

    private static async Task AssertRoomGoesOn(MediaBot bot)
    {
        await TestRoom.Eventually(() => bot.VideoFramesDecoded > 0, "the bot sees the composite");
        var frames = bot.VideoFramesDecoded;
        var audio = bot.AudioFramesDecoded;
        await TestRoom.Eventually(() => bot.VideoFramesDecoded > frames + 10 && bot.AudioFramesDecoded > audio + 20, "the bot keeps receiving media");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
