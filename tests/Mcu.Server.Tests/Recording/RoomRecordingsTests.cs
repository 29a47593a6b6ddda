using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mcu.Client;
using Mcu.Media.Video;
using Mcu.Recording;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Testing;
using Mcu.Testing;
using Mcu.Testing.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Server.Tests.Recording;

/// <summary>Recordings tied to the server's life: AutoStart, rooms that close, and shutdown.</summary>
public sealed class RoomRecordingsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AutoStart_records_a_room_from_its_first_participant_until_the_last_one_leaves()
    {
        await using var server = await TestServer.StartAsync($"--Recording:Directory={_directory.Path}", "--Recording:AutoStart=true");
        var manager = server.Services.GetRequiredService<RecordingManager>();

        var bot = await Dial(server, "auto-a");
        await RecordingObserver.WaitFor(() => Single(manager, "auto-a")?.State == RecordingState.Running, Patience, "an automatic recording");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await bot.DisposeAsync();

        await RecordingObserver.WaitFor(() => Single(manager, "auto-a")?.State == RecordingState.Finished, Patience, "the recording to finish once the room is empty");
        var info = Single(manager, "auto-a")!;
        Assert.InRange(info.Duration.TotalSeconds, 1.0, 10.0);
        Assert.Equal("", Ffmpeg.DecodeErrors(info.Path));
        Assert.Equal(new MediaStreams("vp8", 320, 180, "opus", 48_000, 1), Ffmpeg.Streams(info.Path));
    }

    [Fact]
    public async Task Stopping_the_server_finalizes_running_recordings()
    {
        var server = await TestServer.StartAsync($"--Recording:Directory={_directory.Path}");
        var manager = server.Services.GetRequiredService<RecordingManager>();
        await using (var bot = await Dial(server, "shutdown-a"))
        {
            await RecordingObserver.WaitFor(() => bot.VideoFramesDecoded >= 5, Patience, "the composite");
            using var started = await server.Http.PostAsync("/api/rooms/shutdown-a/recordings", null);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        Assert.Equal(RecordingState.Running, Single(manager, "shutdown-a")!.State); // the empty room lingers, still recorded

        await server.DisposeAsync();

        var info = Single(manager, "shutdown-a");
        Assert.Equal(RecordingState.Finished, info!.State);
        Assert.InRange(info.Duration.TotalSeconds, 1.0, 10.0);
        Assert.Equal(new FileInfo(info.Path).Length, info.Bytes);
        Assert.Equal("", Ffmpeg.DecodeErrors(info.Path));
    }

    [Fact]
    public async Task A_room_that_closes_finishes_its_recording()
    {
        await using var server = await TestServer.StartAsync($"--Recording:Directory={_directory.Path}", "--Rooms:EmptyRoomLinger=00:00:01");
        var manager = server.Services.GetRequiredService<RecordingManager>();
        await using (var bot = await Dial(server, "closing-a"))
        {
            await RecordingObserver.WaitFor(() => bot.VideoFramesDecoded >= 5, Patience, "the composite");
            using var started = await server.Http.PostAsync("/api/rooms/closing-a/recordings", null);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        await RecordingObserver.WaitFor(() => server.Rooms.Find("closing-a") is null, Patience, "the empty room to close");
        await RecordingObserver.WaitFor(() => Single(manager, "closing-a")?.State == RecordingState.Finished, Patience, "the closed room's recording to finish");
        var listed = Assert.Single((await server.Http.GetFromJsonAsync<JsonElement>("/api/rooms/closing-a/recordings")).EnumerateArray());
        Assert.Equal("finished", listed.GetProperty("state").GetString());
    }

    private static RecordingInfo? Single(RecordingManager manager, string room) => manager.List(room) is [var only] ? only : null;

    private static Task<MediaBot> Dial(TestServer server, string room) =>
        WhipDialer.DialAsync(server.Http, new Uri(server.BaseAddress, $"/whip/{room}?name=Bot"),
            new MediaBotOptions { SolidColor = YuvColor.FromRgb(30, 30, 220), ToneHertz = 550, Width = 320, Height = 240, FrameRate = 15 });
}
