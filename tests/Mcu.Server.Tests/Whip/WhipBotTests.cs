using System.Text.Json;
using Mcu.Client;
using Mcu.Media.Video;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Testing;
using Mcu.Testing.Media;

namespace Mcu.Server.Tests.Whip;

/// <summary>Real media through WHIP and WHEP: our bot dials in, the room composes and mixes, bots decode.</summary>
public sealed class WhipBotTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly YuvColor Red = YuvColor.FromRgb(220, 30, 30);

    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task A_sendrecv_bot_is_a_participant_that_receives_the_composite_showing_itself()
    {
        await using var bot = await WhipDialer.DialAsync(_server.Http, new Uri(_server.BaseAddress, "/whip/bots-a?name=Bot"), Options(Red, 440));

        await WaitFor(() => bot.VideoFramesDecoded >= 5 && bot.AudioFramesDecoded >= 25, "the composite and the mix");

        Assert.Equal((320, 180), bot.ReceivedVideoSize);
        AssertNear(Red, bot.SampleReceivedVideo(0.5, 0.5)!.Value);
        var member = Assert.Single((await _server.RoomStateAsync("bots-a"))!.Value.GetProperty("participants").EnumerateArray());
        Assert.Equal("participant", member.GetProperty("kind").GetString());
        Assert.True(member.GetProperty("connected").GetBoolean());
        Assert.True(member.GetProperty("video").GetBoolean());
    }

    [Fact]
    public async Task A_sendonly_bot_is_a_shown_and_heard_publisher_that_receives_nothing_and_a_whep_viewer_sees_and_hears_it()
    {
        var publisherOptions = new MediaBotOptions { SolidColor = Red, ToneHertz = 660, Width = 320, Height = 240, FrameRate = 15, ReceiveAudio = false, ReceiveVideo = false };
        await using var publisher = await WhipDialer.DialAsync(_server.Http, new Uri(_server.BaseAddress, "/whip/bots-b?name=Camera"), publisherOptions);
        await using var viewer = await WhepDialer.ViewAsync(_server.Http, new Uri(_server.BaseAddress, "/whep/bots-b"));

        await WaitFor(() => viewer.VideoFramesDecoded >= 5 && viewer.AudioFramesDecoded >= 50, "the viewer's composite and mix");

        Assert.Equal(0, viewer.VideoFramesSent);
        Assert.Equal((320, 180), viewer.ReceivedVideoSize);
        AssertNear(Red, viewer.SampleReceivedVideo(0.5, 0.5)!.Value);
        var pcm = new short[24_000];
        await WaitFor(() => viewer.CopyReceivedAudio(pcm) == pcm.Length && ToneDetector.RelativeLevelDb(pcm, 660) > -3, "the viewer hearing the publisher");

        Assert.True(publisher.VideoFramesSent > 0);
        Assert.Equal(0, publisher.VideoFramesDecoded);
        Assert.Equal(0, publisher.AudioFramesDecoded);
        var state = (await _server.RoomStateAsync("bots-b"))!.Value;
        var listed = Assert.Single(state.GetProperty("participants").EnumerateArray());
        Assert.Equal("publisher", listed.GetProperty("kind").GetString());
        Assert.Equal("Camera", listed.GetProperty("name").GetString());
        Assert.Equal(1, state.GetProperty("viewers").GetInt32());
        var rooms = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/rooms")).RootElement.EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "bots-b");
        Assert.Equal(0, rooms.GetProperty("participants").GetInt32());
        Assert.Equal(1, rooms.GetProperty("publishers").GetInt32());
        Assert.Equal(1, rooms.GetProperty("viewers").GetInt32());
    }

    private static MediaBotOptions Options(YuvColor color, double tone) =>
        new() { SolidColor = color, ToneHertz = tone, Width = 320, Height = 240, FrameRate = 15 };

    private static void AssertNear(YuvColor expected, YuvColor seen)
    {
        Assert.InRange(seen.Y, expected.Y - 12, expected.Y + 12);
        Assert.InRange(seen.U, expected.U - 12, expected.U + 12);
        Assert.InRange(seen.V, expected.V - 12, expected.V + 12);
    }

    private static Task WaitFor(Func<bool> condition, string what) => RecordingObserver.WaitFor(condition, Patience, what);
}
