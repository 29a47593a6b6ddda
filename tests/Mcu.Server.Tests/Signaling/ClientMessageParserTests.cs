using System.Text;
using Mcu.Conference;
using Mcu.Server.Signaling;

namespace Mcu.Server.Tests.Signaling;

public sealed class ClientMessageParserTests
{
    [Fact]
    public void A_join_carries_room_name_offer_and_kind()
    {
        var message = Parse("""{ "type": "join", "room": "team", "name": "Alice", "offer": "v=0\r\n", "kind": "viewer" }""");

        var join = Assert.IsType<JoinMessage>(message);
        Assert.Equal("team", join.Room);
        Assert.Equal("Alice", join.Name);
        Assert.Equal("v=0\r\n", join.Offer);
        Assert.Equal(MemberKind.Viewer, join.Kind);
    }

    [Fact]
    public void A_join_without_kind_or_name_is_a_participant_without_a_name()
    {
        var join = Assert.IsType<JoinMessage>(Parse("""{ "type": "join", "room": "team", "offer": "v=0", "name": null }"""));

        Assert.Equal(MemberKind.Participant, join.Kind);
        Assert.Null(join.Name);
    }

    [Fact]
    public void Fields_the_server_does_not_know_are_ignored()
    {
        Assert.IsType<LeaveMessage>(Parse("""{ "type": "leave", "future": [1, 2, 3] }"""));
    }

    [Fact]
    public void Mute_layout_trickle_and_record_are_read()
    {
        Assert.True(Assert.IsType<MuteMessage>(Parse("""{ "type": "mute", "muted": true }""")).Muted);
        Assert.False(Assert.IsType<MuteMessage>(Parse("""{ "type": "mute", "muted": false }""")).Muted);
        Assert.Equal("speaker", Assert.IsType<LayoutMessage>(Parse("""{ "type": "layout", "layout": "speaker" }""")).Layout);
        Assert.IsType<TrickleMessage>(Parse("""{ "type": "trickle", "candidate": { "candidate": "candidate:1 1 udp 1 127.0.0.1 9 typ host" } }"""));
        Assert.True(Assert.IsType<RecordMessage>(Parse("""{ "type": "record", "action": "start" }""")).Start);
        Assert.False(Assert.IsType<RecordMessage>(Parse("""{ "type": "record", "action": "stop" }""")).Start);
    }

    [Theory]
    [InlineData("{ \"type\": \"join\", ", "not valid JSON")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("\"join\"", "JSON object")]
    [InlineData("{ \"room\": \"x\" }", "string \"type\"")]
    [InlineData("{ \"type\": 7 }", "string \"type\"")]
    [InlineData("{ \"type\": \"dance\" }", "Unknown message type \"dance\"")]
    [InlineData("{ \"type\": \"join\", \"offer\": \"v=0\" }", "needs a string \"room\"")]
    [InlineData("{ \"type\": \"join\", \"room\": \"\", \"offer\": \"v=0\" }", "\"room\" must be a non-empty string")]
    [InlineData("{ \"type\": \"join\", \"room\": \"a\" }", "needs a string \"offer\"")]
    [InlineData("{ \"type\": \"join\", \"room\": \"a\", \"offer\": 5 }", "\"offer\" must be")]
    [InlineData("{ \"type\": \"join\", \"room\": \"a\", \"offer\": \"v=0\", \"name\": 5 }", "\"name\" must be a string")]
    [InlineData("{ \"type\": \"join\", \"room\": \"a\", \"offer\": \"v=0\", \"kind\": \"publisher\" }", "\"kind\" must be")]
    [InlineData("{ \"type\": \"mute\" }", "boolean \"muted\"")]
    [InlineData("{ \"type\": \"mute\", \"muted\": \"yes\" }", "boolean \"muted\"")]
    [InlineData("{ \"type\": \"layout\" }", "string \"layout\"")]
    [InlineData("{ \"type\": \"record\", \"action\": \"pause\" }", "\"action\" must be")]
    public void Malformed_or_incomplete_messages_are_refused_with_a_reason(string json, string reason)
    {
        Assert.False(ClientMessageParser.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var error));
        Assert.Null(message);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_is_not_echoed_at_length()
    {
        var json = "{ \"type\": \"" + new string('x', 5000) + "\" }";

        Assert.False(ClientMessageParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.True(error.Length < 200, error);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused()
    {
        var bytes = "{ \"type\": \"layout\", \"layout\": \"ab\" }"u8.ToArray();
        bytes[^5] = 0xFF;

        Assert.False(ClientMessageParser.TryParse(bytes, out _, out var error));
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_documents_are_refused()
    {
        var json = "{ \"type\": \"leave\", \"x\": " + new string('[', 64) + new string(']', 64) + " }";

        Assert.False(ClientMessageParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_and_mutated_bytes_never_throw()
    {
        var random = new Random(20_250_101);
        var seeds = new[]
        {
            """{ "type": "join", "room": "team", "name": "Alice", "offer": "v=0\r\no=- 1 1 IN IP4 0.0.0.0", "kind": "participant" }""",
            """{ "type": "mute", "muted": true }""",
            """{ "type": "record", "action": "start" }""",
        };
        var buffer = new byte[256];
        for (var i = 0; i < 3000; i++)
        {
            byte[] bytes;
            if (i % 3 == 0)
            {
                bytes = buffer.AsSpan(0, random.Next(buffer.Length)).ToArray();
                random.NextBytes(bytes);
            }
            else
            {
                bytes = Encoding.UTF8.GetBytes(seeds[i % seeds.Length]);
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
                bytes = bytes.AsSpan(0, random.Next(1, bytes.Length + 1)).ToArray();
            }

            var parsed = ClientMessageParser.TryParse(bytes, out var message, out var error);

            Assert.True(parsed ? message is not null : error is not null);
        }
    }

    private static ClientMessage Parse(string json)
    {
        Assert.True(ClientMessageParser.TryParse(Encoding.UTF8.GetBytes(json), out var message, out var error), error);
        return message;
    }
}
