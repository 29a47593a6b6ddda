using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mcu.Client;
using Mcu.Media.Video;
using Mcu.Server.Tests.Testing;
using Mcu.Server.Tests.Whip;
using Mcu.Testing;
using Mcu.Testing.Media;

namespace Mcu.Server.Tests.Api;

/// <summary>Recording a room through the control API, with a real bot in it and ffprobe reading the file.</summary>
public sealed class RecordingEndpointsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TestDirectory _directory = new();
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync($"--Recording:Directory={_directory.Path}");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_recording_starts_is_listed_refuses_a_second_start_and_stops_into_a_playable_webm()
    {
        await using var bot = await Bot("rec-api");
        await RecordingObserver.WaitFor(() => bot.VideoFramesDecoded >= 5, Patience, "the composite");

        using var started = await _server.Http.PostAsync("/api/rooms/rec-api/recordings", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var recording = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = recording.GetProperty("id").GetString()!;
        var path = recording.GetProperty("path").GetString()!;
        Assert.Equal($"/api/rooms/rec-api/recordings/{id}", started.Headers.Location!.OriginalString);
        Assert.Equal(_directory.Path, Path.GetDirectoryName(path));
        Assert.Matches(@"^rec-api-\d{8}-\d{6}\.webm$", Path.GetFileName(path));
        Assert.True(DateTimeOffset.UtcNow - recording.GetProperty("startedAt").GetDateTimeOffset() < TimeSpan.FromSeconds(30));
        var state = (await _server.RoomStateAsync("rec-api"))!.Value;
        Assert.Equal(id, state.GetProperty("recording").GetProperty("id").GetString());

        using var again = await _server.Http.PostAsync("/api/rooms/rec-api/recordings", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var running = Assert.Single((await _server.Http.GetFromJsonAsync<JsonElement>("/api/rooms/rec-api/recordings")).EnumerateArray());
        Assert.Equal("running", running.GetProperty("state").GetString());

        using var stopped = await _server.Http.DeleteAsync($"/api/rooms/rec-api/recordings/{id}");
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var finished = await stopped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(path, finished.GetProperty("path").GetString());
        Assert.InRange(finished.GetProperty("durationSeconds").GetDouble(), 2.0, 8.0);
        Assert.Equal(new FileInfo(path).Length, finished.GetProperty("bytes").GetInt64());
        Assert.Equal("finished", finished.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, (await _server.RoomStateAsync("rec-api"))!.Value.GetProperty("recording").ValueKind);
        var listed = Assert.Single((await _server.Http.GetFromJsonAsync<JsonElement>("/api/rooms/rec-api/recordings")).EnumerateArray());
        Assert.Equal("finished", listed.GetProperty("state").GetString());

        Assert.Equal(new MediaStreams("vp8", 320, 180, "opus", 48_000, 1), Ffmpeg.Streams(path));
        Assert.Equal("", Ffmpeg.DecodeErrors(path));
    }

    [Fact]
    public async Task Unknown_rooms_and_recordings_are_404_problems()
    {
        using var noRoom = await _server.Http.PostAsync("/api/rooms/nobody-here/recordings", null);
        Assert.Equal(HttpStatusCode.NotFound, noRoom.StatusCode);
        Assert.Contains("nobody-here", (await noRoom.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await Join("rec-404");
        using var noRecording = await _server.Http.DeleteAsync("/api/rooms/rec-404/recordings/rec-404-20260101-000000");
        Assert.Equal(HttpStatusCode.NotFound, noRecording.StatusCode);
        Assert.Equal("application/problem+json", noRecording.Content.Headers.ContentType!.MediaType);
        using var noneListed = await _server.Http.GetAsync("/api/rooms/rec-404/recordings");
        Assert.Equal("[]", await noneListed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unwritable_directory_is_a_clear_error_in_the_answer_and_the_room_state_and_the_room_goes_on()
    {
        // A directory that cannot exist: its parent is a regular file (root may write anywhere else).
        var blocker = Path.Combine(_directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "");
        await using var server = await TestServer.StartAsync($"--Recording:Directory={Path.Combine(blocker, "recordings")}");
        await using var bot = await WhipDialer.DialAsync(server.Http, new Uri(server.BaseAddress, "/whip/rec-fail?name=Bot"), Options());
        await RecordingObserver.WaitFor(() => bot.VideoFramesDecoded >= 5, Patience, "the composite");

        using var refused = await server.Http.PostAsync("/api/rooms/rec-fail/recordings", null);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("Cannot record room 'rec-fail'", detail, StringComparison.Ordinal);
        Assert.Contains(blocker, detail, StringComparison.Ordinal);
        var state = (await server.RoomStateAsync("rec-fail"))!.Value;
        Assert.Equal(JsonValueKind.Null, state.GetProperty("recording").ValueKind);
        Assert.Equal(detail, state.GetProperty("recordingError").GetProperty("message").GetString());
        var failed = Assert.Single((await server.Http.GetFromJsonAsync<JsonElement>("/api/rooms/rec-fail/recordings")).EnumerateArray());
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        var decoded = bot.VideoFramesDecoded;
        await RecordingObserver.WaitFor(() => bot.VideoFramesDecoded >= decoded + 10, Patience, "the composite after the failed recording");
    }

    private async Task<MediaBot> Bot(string room) =>
        await WhipDialer.DialAsync(_server.Http, new Uri(_server.BaseAddress, $"/whip/{room}?name=Bot"), Options());

    private async Task Join(string room)
    {
        using var response = await _server.Http.PostAsync($"/whip/{room}", TestServer.Sdp(TestOffers.SendReceive()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static MediaBotOptions Options() =>
        new() { SolidColor = YuvColor.FromRgb(220, 30, 30), ToneHertz = 440, Width = 320, Height = 240, FrameRate = 15 };
}
