using System.Buffers;
using System.Text.Json;
using Mcu.Conference;
using Mcu.Recording;

namespace Mcu.Server.Signaling;

/// <summary>
/// Builds the server's signalling messages into one reused buffer; the result is valid until
/// the next call, so one session uses it from one sender at a time.
/// </summary>
internal sealed class ServerMessageWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public ServerMessageWriter()
    {
        _writer = new Utf8JsonWriter(_buffer);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary><c>{ "type": "joined", "id", "answer" }</c>.</summary>
    public ReadOnlyMemory<byte> Joined(int memberId, string answer)
    {
        Begin("joined");
        _writer.WriteNumber("id", memberId);
        _writer.WriteString("answer", answer);
        return End();
    }

    /// <summary><c>{ "type": "room", "state": RoomState }</c>.</summary>
    public ReadOnlyMemory<byte> RoomState(Room room, RecordingInfo? latestRecording)
    {
        Begin("room");
        _writer.WritePropertyName("state");
        RoomStateJson.Write(_writer, room, latestRecording);
        return End();
    }

    /// <summary>
    /// <c>{ "type": "error", "message", "status", "request" }</c>: status as HTTP would give it;
    /// "request" names the message type that failed (null when it could not be read), so the app
    /// can tell e.g. a refused recording from a refused join.
    /// </summary>
    public ReadOnlyMemory<byte> Error(string message, int status, string? request)
    {
        Begin("error");
        _writer.WriteString("message", message);
        _writer.WriteNumber("status", status);
        if (request is null)
        {
            _writer.WriteNull("request");
        }
        else
        {
            _writer.WriteString("request", request);
        }
        return End();
    }

    /// <summary><c>{ "type": "left", "reason" }</c>.</summary>
    public ReadOnlyMemory<byte> Left(string reason)
    {
        Begin("left");
        _writer.WriteString("reason", reason);
        return End();
    }

    private void Begin(string type)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString("type", type);
    }

    private ReadOnlyMemory<byte> End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }
}
