using Mcu.Client;
using Mcu.Media.Video;
using Mcu.Server.Rooms;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Server.Tests.Rooms;

public sealed class NativeHeapTrimmerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_heap_is_trimmed_after_someone_leaves_and_not_after_someone_joins()
    {
        await using var server = await TestServer.StartAsync("--Rooms:EmptyRoomLinger=00:10:00");
        var trimmer = server.Services.GetRequiredService<NativeHeapTrimmer>();
        trimmer.TrimIfDeparted(); // whatever happened at start

        var first = await Dial(server, "trim-a");
        await using var second = await Dial(server, "trim-a");
        await RecordingObserver.WaitFor(() => server.Rooms.Find("trim-a")?.MemberCount == 2, Patience, "two members");
        Assert.False(trimmer.TrimIfDeparted());

        var trims = trimmer.Trims;
        await first.DisposeAsync();
        await RecordingObserver.WaitFor(() => server.Rooms.Find("trim-a")?.MemberCount == 1, Patience, "one member to leave");

        Assert.True(trimmer.TrimIfDeparted() || trimmer.Trims > trims); // or its timer did it just now
        Assert.False(trimmer.TrimIfDeparted());
    }

    private static Task<MediaBot> Dial(TestServer server, string room) =>
        WhipDialer.DialAsync(server.Http, new Uri(server.BaseAddress, $"/whip/{room}?name=Bot"),
            new MediaBotOptions { SolidColor = YuvColor.FromRgb(200, 30, 30), Width = 320, Height = 240, FrameRate = 15 });
}
