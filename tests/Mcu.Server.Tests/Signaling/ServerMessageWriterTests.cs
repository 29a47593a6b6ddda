using System.Text.Json;
using Mcu.Server.Signaling;

namespace Mcu.Server.Tests.Signaling;

public sealed class ServerMessageWriterTests
{
    [Fact]
    public void Joined_carries_the_member_id_and_the_answer()
    {
        using var writer = new ServerMessageWriter();

        var json = Read(writer.Joined(7, "v=0\r\na=ice-lite\r\n"));

        Assert.Equal("joined", json.GetProperty("type").GetString());
        Assert.Equal(7, json.GetProperty("id").GetInt32());
        Assert.Equal("v=0\r\na=ice-lite\r\n", json.GetProperty("answer").GetString());
    }

    [Fact]
    public void Error_names_the_status_and_the_request_that_failed()
    {
        using var writer = new ServerMessageWriter();

        var json = Read(writer.Error("Recording is not available on this server.", 501, "record"));

        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal("Recording is not available on this server.", json.GetProperty("message").GetString());
        Assert.Equal(501, json.GetProperty("status").GetInt32());
        Assert.Equal("record", json.GetProperty("request").GetString());
        Assert.Equal(JsonValueKind.Null, Read(writer.Error("bad", 400, null)).GetProperty("request").ValueKind);
    }

    [Fact]
    public void Each_message_replaces_the_previous_one_in_the_buffer()
    {
        using var writer = new ServerMessageWriter();
        writer.Joined(1, new string('a', 10_000));

        var json = Read(writer.Left("left"));

        Assert.Equal("left", json.GetProperty("type").GetString());
        Assert.Equal("left", json.GetProperty("reason").GetString());
        Assert.Equal(2, json.EnumerateObject().Count());
    }

    [Fact]
    public void Names_with_quotes_and_markup_stay_inside_their_string()
    {
        using var writer = new ServerMessageWriter();

        var json = Read(writer.Error("\"}<script>", 400, "join"));

        Assert.Equal("\"}<script>", json.GetProperty("message").GetString());
    }

    private static JsonElement Read(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        return document.RootElement.Clone();
    }
}
