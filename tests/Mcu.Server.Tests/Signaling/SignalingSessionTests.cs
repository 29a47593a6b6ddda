using System.Net.WebSockets;
using System.Text.Json;
using Mcu.Client;
using Mcu.Conference;
using Mcu.Media.Video;
using Mcu.Recording;
using Mcu.Server.Signaling;
using Mcu.Server.Tests.Whip;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Server.Tests.Signaling;

/// <summary>The /ws protocol from a plain ClientWebSocket against the real server.</summary>
public sealed class SignalingSessionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_bot_joins_over_the_socket_connects_and_appears_in_the_room_state()
    {
        var room = NewRoom();
        await using var socket = await Connect();
        var joinedId = 0;
        await using var bot = await MediaBot.StartAsync(
            new MediaBotOptions { Width = 160, Height = 120, FrameRate = 15, SolidColor = YuvColor.FromRgb(0, 0, 255) },
            async (offer, _) =>
            {
                await socket.SendAsync(new { type = "join", room, name = "Bot", offer });
                var joined = await socket.ReceiveAsync("joined");
                joinedId = joined.GetProperty("id").GetInt32();
                return joined.GetProperty("answer").GetString()!;
            });

        var state = await socket.ReceiveStateAsync(s => Self(s, joinedId) is { } me && me.GetProperty("connected").GetBoolean());

        Assert.Equal(room, state.GetProperty("name").GetString());
        Assert.Equal("auto", state.GetProperty("layout").GetString());
        Assert.Equal(0, state.GetProperty("viewers").GetInt32());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("recording").ValueKind);
        var me = Self(state, joinedId)!.Value;
        Assert.Equal("Bot", me.GetProperty("name").GetString());
        Assert.Equal("participant", me.GetProperty("kind").GetString());
        Assert.True(me.GetProperty("audio").GetBoolean());
        Assert.True(me.GetProperty("video").GetBoolean());
        Assert.False(me.GetProperty("muted").GetBoolean());
        // The bot receives the composite: the room really took it in.
        await WaitUntil(() => bot.VideoFramesDecoded > 0, "the bot decoded no composite");
    }

    [Fact]
    public async Task Muting_oneself_shows_in_the_room_state()
    {
        await using var socket = await Connect();
        var id = await Join(socket, NewRoom(), "Alice");

        await socket.SendAsync(new { type = "mute", muted = true });
        await socket.ReceiveStateAsync(s => Self(s, id)?.GetProperty("muted").GetBoolean() == true);
        await socket.SendAsync(new { type = "mute", muted = false });
        await socket.ReceiveStateAsync(s => Self(s, id)?.GetProperty("muted").GetBoolean() == false);
    }

    [Fact]
    public async Task Closing_the_socket_removes_the_member_and_the_others_see_it()
    {
        var room = NewRoom();
        await using var alice = await Connect();
        await using var bob = await Connect();
        var aliceId = await Join(alice, room, "Alice");
        var bobId = await Join(bob, room, "Bob");
        await alice.ReceiveStateAsync(s => Self(s, bobId) is not null);

        await bob.DisposeAsync();

        var state = await alice.ReceiveStateAsync(s => Self(s, bobId) is null);
        Assert.Equal(1, state.GetProperty("participants").GetArrayLength());
        Assert.NotNull(Self(state, aliceId));
        Assert.DoesNotContain(Registry.Find(room)!.Members, m => m.Id == bobId);
    }

    [Fact]
    public async Task Leave_answers_left_and_the_same_socket_can_join_again()
    {
        var room = NewRoom();
        await using var socket = await Connect();
        var first = await Join(socket, room, "Alice");

        await socket.SendAsync(new { type = "leave" });
        var left = await socket.ReceiveAsync("left");

        Assert.Equal("left", left.GetProperty("reason").GetString());
        Assert.DoesNotContain(Registry.Find(room)!.Members, m => m.Id == first);
        var second = await Join(socket, room, "Alice again");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Viewers_are_counted_not_listed()
    {
        var room = NewRoom();
        await using var participant = await Connect();
        await using var viewer = await Connect();
        var participantId = await Join(participant, room, "Alice");

        await viewer.SendAsync(new { type = "join", room, name = "Watcher", offer = TestOffers.ReceiveOnly(), kind = "viewer" });
        await viewer.ReceiveAsync("joined");

        var state = await participant.ReceiveStateAsync(s => s.GetProperty("viewers").GetInt32() == 1);
        var listed = Assert.Single(state.GetProperty("participants").EnumerateArray());
        Assert.Equal(participantId, listed.GetProperty("id").GetInt32());
        Assert.Contains(Registry.Find(room)!.Members, m => m.Kind == MemberKind.Viewer && m.Name == "Watcher");
    }

    [Fact]
    public async Task A_layout_change_reaches_everyone_and_an_unknown_layout_is_refused()
    {
        var room = NewRoom();
        await using var alice = await Connect();
        await using var bob = await Connect();
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        await alice.SendAsync(new { type = "layout", layout = "grid-3x3" });
        await bob.ReceiveStateAsync(s => s.GetProperty("layout").GetString() == "grid-3x3");
        await alice.SendAsync(new { type = "layout", layout = "no-such-layout" });
        var error = await alice.ReceiveAsync("error");

        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Equal("layout", error.GetProperty("request").GetString());
        Assert.Contains("no-such-layout", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("grid-3x3", Registry.Find(room)!.LayoutName);
    }

    [Fact]
    public async Task Recording_started_and_stopped_from_the_socket_shows_in_everybodys_room_state()
    {
        var room = NewRoom();
        await using var alice = await Connect();
        await using var bob = await Connect();
        await Join(alice, room, "Alice");
        await Join(bob, room, "Bob");

        await alice.SendAsync(new { type = "record", action = "start" });
        var recording = (await bob.ReceiveStateAsync(s => s.GetProperty("recording").ValueKind == JsonValueKind.Object)).GetProperty("recording");
        // Alice's earlier states (Bob joining) say "not recording" too: read up to this one first.
        await alice.ReceiveStateAsync(s => s.GetProperty("recording").ValueKind == JsonValueKind.Object);
        var path = recording.GetProperty("path").GetString()!;
        Assert.StartsWith(room + "-", Path.GetFileName(path), StringComparison.Ordinal);
        Assert.True(File.Exists(path));
        Assert.True(DateTimeOffset.UtcNow - recording.GetProperty("startedAt").GetDateTimeOffset() < TimeSpan.FromSeconds(30));

        await bob.SendAsync(new { type = "record", action = "start" });
        var conflict = await bob.ReceiveAsync("error");
        Assert.Equal(409, conflict.GetProperty("status").GetInt32());
        Assert.Equal("record", conflict.GetProperty("request").GetString());

        await bob.SendAsync(new { type = "record", action = "stop" });
        await alice.ReceiveStateAsync(s => s.GetProperty("recording").ValueKind == JsonValueKind.Null);
        var recordings = server.Services.GetRequiredService<RecordingManager>().List(room);
        Assert.Equal(RecordingState.Finished, Assert.Single(recordings).State);

        await alice.SendAsync(new { type = "record", action = "stop" });
        var nothing = await alice.ReceiveAsync("error");
        Assert.Equal(409, nothing.GetProperty("status").GetInt32());
        Assert.Equal("The room is not being recorded.", nothing.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Trickled_candidates_are_accepted_silently()
    {
        await using var socket = await Connect();
        await Join(socket, NewRoom(), "Alice");

        await socket.SendAsync(new { type = "trickle", candidate = new { candidate = "candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host", sdpMid = "0" } });
        await socket.SendAsync(new { type = "record", action = "stop" });

        // The next reply is the one to "record": the trickle produced none.
        var reply = await socket.ReceiveUntilAsync(m => m.GetProperty("type").GetString() != "room");
        Assert.Equal("record", reply.GetProperty("request").GetString());
    }

    [Theory]
    [InlineData("bad room!", 400)]
    [InlineData("", 400)]
    public async Task A_join_to_an_invalid_room_name_is_refused(string room, int status)
    {
        await using var socket = await Connect();

        await socket.SendAsync(new { type = "join", room, name = "Alice", offer = TestOffers.SendReceive() });
        var error = await socket.ReceiveAsync("error");

        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Equal(room.Length == 0 ? null : "join", error.GetProperty("request").GetString());
        Assert.Contains("room", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
    }

    [Fact]
    public async Task An_unusable_offer_is_refused_with_the_parsers_reason()
    {
        await using var socket = await Connect();

        await socket.SendAsync(new { type = "join", room = NewRoom(), name = "Alice", offer = "v=0\r\nthis is not sdp\r\n" });
        var error = await socket.ReceiveAsync("error");

        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.StartsWith("The offer is unusable: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_join_on_one_socket_is_refused()
    {
        var room = NewRoom();
        await using var socket = await Connect();
        await Join(socket, room, "Alice");

        await socket.SendAsync(new { type = "join", room, name = "Alice twice", offer = TestOffers.SendReceive() });
        var error = await socket.ReceiveAsync("error");

        Assert.Equal(409, error.GetProperty("status").GetInt32());
        Assert.Single(Registry.Find(room)!.Members);
    }

    [Fact]
    public async Task Requests_that_need_a_room_are_refused_before_joining()
    {
        await using var socket = await Connect();

        foreach (var request in new object[] { new { type = "mute", muted = true }, new { type = "layout", layout = "single" }, new { type = "leave" } })
        {
            await socket.SendAsync(request);
            var error = await socket.ReceiveAsync("error");
            Assert.Equal(409, error.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task Malformed_json_unknown_types_and_binary_get_errors_and_the_socket_stays_usable()
    {
        await using var socket = await Connect();

        await socket.SendTextAsync("{ \"type\": \"join\", ");
        Assert.Contains("not valid JSON", (await socket.ReceiveAsync("error")).GetProperty("message").GetString(), StringComparison.Ordinal);
        await socket.SendTextAsync("{ \"type\": \"dance\" }");
        Assert.Contains("Unknown message type", (await socket.ReceiveAsync("error")).GetProperty("message").GetString(), StringComparison.Ordinal);
        await socket.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        Assert.Contains("binary", (await socket.ReceiveAsync("error")).GetProperty("message").GetString(), StringComparison.Ordinal);

        await Join(socket, NewRoom(), "Alice");
    }

    [Fact]
    public async Task An_oversized_message_gets_an_error_and_the_socket_is_closed()
    {
        await using var socket = await Connect();

        var huge = "{ \"type\": \"join\", \"offer\": \"" + new string('a', SignalingSession.MaxMessageBytes) + "\" }";
        await socket.SendTextAsync(huge);
        var error = await socket.ReceiveAsync("error");

        Assert.Equal(413, error.GetProperty("status").GetInt32());
        Assert.True(await socket.WaitForCloseAsync(), "the server did not close the socket");
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        // The server is fine: the next connection works.
        await using var next = await Connect();
        await Join(next, NewRoom(), "Alice");
    }

    [Fact]
    public async Task A_message_of_exactly_the_limit_is_read()
    {
        await using var socket = await Connect();
        var prefix = "{ \"type\": \"leave\", \"pad\": \"";
        var suffix = "\" }";
        var exact = prefix + new string('a', SignalingSession.MaxMessageBytes - prefix.Length - suffix.Length) + suffix;

        await socket.SendTextAsync(exact);
        var error = await socket.ReceiveAsync("error");

        Assert.Equal(409, error.GetProperty("status").GetInt32()); // a leave without a room, not a size error
    }

    [Fact]
    public async Task A_run_of_refused_messages_closes_the_socket()
    {
        await using var socket = await Connect();

        for (var i = 0; i < SignalingSession.MaxStrikes; i++)
        {
            await socket.SendTextAsync("not json");
        }

        Assert.True(await socket.WaitForCloseAsync(), "the server kept an abusive socket open");
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }

    [Fact]
    public async Task A_member_removed_by_the_server_is_told_it_left()
    {
        var room = NewRoom();
        await using var socket = await Connect();
        var id = await Join(socket, room, "Alice");

        await Registry.Find(room)!.RemoveAsync(id, "removed by a test");
        var left = await socket.ReceiveAsync("left");

        Assert.Equal("removed", left.GetProperty("reason").GetString());
        await Join(socket, room, "Alice again"); // the socket is free to join again
    }

    [Fact]
    public async Task Bursts_of_changes_are_coalesced_and_the_last_state_wins()
    {
        var room = NewRoom();
        await using var socket = await Connect();
        var id = await Join(socket, room, "Alice");
        var target = Registry.Find(room)!;

        for (var i = 0; i < 200; i++)
        {
            target.SetMuted(id, i % 2 == 0);
        }
        target.SetMuted(id, true);

        var started = DateTime.UtcNow;
        var states = new List<JsonElement>();
        while (true)
        {
            try
            {
                states.Add(await socket.ReceiveStateAsync(_ => true, TimeSpan.FromSeconds(1)));
            }
            catch (TimeoutException)
            {
                break; // quiet for a second: the burst is over
            }
        }
        var elapsed = DateTime.UtcNow - started;

        Assert.NotEmpty(states);
        Assert.True(Self(states[^1], id)!.Value.GetProperty("muted").GetBoolean(), "the last state is not the last change");
        Assert.True(states.Count <= (elapsed / SignalingSession.StateInterval) + 2, $"{states.Count} states in {elapsed.TotalMilliseconds} ms for 201 changes");
    }

    private RoomRegistry Registry => server.Services.GetRequiredService<RoomRegistry>();

    private Task<SignalingTestClient> Connect() => SignalingTestClient.ConnectAsync(server.BaseAddress);

    private static string NewRoom() => "ws-" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<int> Join(SignalingTestClient socket, string room, string name)
    {
        await socket.SendAsync(new { type = "join", room, name, offer = TestOffers.SendReceive() });
        var reply = await socket.ReceiveUntilAsync(m => m.GetProperty("type").GetString() is "joined" or "error");
        Assert.True(reply.GetProperty("type").GetString() == "joined", reply.GetRawText());
        Assert.Contains("a=ice-lite", reply.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var id = reply.GetProperty("id").GetInt32();
        await socket.ReceiveStateAsync(s => Self(s, id) is not null);
        return id;
    }

    private static JsonElement? Self(JsonElement state, int id)
    {
        foreach (var participant in state.GetProperty("participants").EnumerateArray())
        {
            if (participant.GetProperty("id").GetInt32() == id)
            {
                return participant;
            }
        }
        return null;
    }

    private static async Task WaitUntil(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
