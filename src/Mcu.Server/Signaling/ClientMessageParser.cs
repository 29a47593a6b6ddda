using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
using Mcu.Conference;

namespace Mcu.Server.Signaling;

/// <summary>
/// Reads one signalling text message. Never throws: anything malformed, of an unknown type or
/// with a missing or mistyped field gives false and a reason fit to send back.
/// </summary>
internal static class ClientMessageParser
{
    private const int MaxEchoedLength = 32;

    // Messages are flat objects; a deep document is abuse, not a request.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    public static bool TryParse(ReadOnlyMemory<byte> utf8, [NotNullWhen(true)] out ClientMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        // RFC 6455 5.6: text frames are UTF-8; the JSON reader would only notice inside strings, and throw then.
        if (!Utf8.IsValid(utf8.Span))
        {
            error = "The message is not valid UTF-8 text.";
            return false;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            error = $"The message is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "A message must be a JSON object with a \"type\".";
                return false;
            }
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                error = "A message needs a string \"type\".";
                return false;
            }
            message = type.GetString()! switch
            {
                "join" => ParseJoin(root, out error),
                "leave" => Accept(new LeaveMessage(), out error),
                "mute" => TryGetBoolean(root, "mute", "muted", out var muted, out error) ? new MuteMessage(muted) : null,
                "layout" => TryGetString(root, "layout", "layout", required: true, out var layout, out error) ? new LayoutMessage(layout!) : null,
                "trickle" => Accept(new TrickleMessage(), out error),
                "record" => ParseRecord(root, out error),
                var unknown => Reject($"Unknown message type \"{Clip(unknown)}\"; expected join, leave, mute, layout, trickle or record.", out error),
            };
            return message is not null;
        }
    }

    private static JoinMessage? ParseJoin(JsonElement root, out string? error)
    {
        if (!TryGetString(root, "join", "room", required: true, out var room, out error)
            || !TryGetString(root, "join", "name", required: false, out var name, out error)
            || !TryGetString(root, "join", "offer", required: true, out var offer, out error)
            || !TryGetString(root, "join", "kind", required: false, out var kindText, out error))
        {
            return null;
        }
        MemberKind kind;
        switch (kindText)
        {
            case null or "participant":
                kind = MemberKind.Participant;
                break;
            case "viewer":
                kind = MemberKind.Viewer;
                break;
            default:
                return Reject<JoinMessage>($"\"kind\" must be \"participant\" or \"viewer\", not \"{Clip(kindText)}\".", out error);
        }
        return new JoinMessage(room!, name, offer!, kind);
    }

    private static RecordMessage? ParseRecord(JsonElement root, out string? error)
    {
        if (!TryGetString(root, "record", "action", required: true, out var action, out error))
        {
            return null;
        }
        return action switch
        {
            "start" => new RecordMessage(Start: true),
            "stop" => new RecordMessage(Start: false),
            _ => Reject<RecordMessage>($"\"action\" must be \"start\" or \"stop\", not \"{Clip(action!)}\".", out error),
        };
    }

    private static bool TryGetString(JsonElement root, string type, string field, bool required, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                error = $"A \"{type}\" message needs a string \"{field}\".";
                return false;
            }
            return true;
        }
        if (element.ValueKind != JsonValueKind.String || (required && element.GetString()!.Length == 0))
        {
            error = $"\"{field}\" must be a{(required ? " non-empty" : string.Empty)} string.";
            return false;
        }
        value = element.GetString();
        return true;
    }

    private static bool TryGetBoolean(JsonElement root, string type, string field, out bool value, out string? error)
    {
        value = false;
        error = null;
        if (root.TryGetProperty(field, out var element) && element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = element.GetBoolean();
            return true;
        }
        error = $"A \"{type}\" message needs a boolean \"{field}\".";
        return false;
    }

    private static ClientMessage Accept(ClientMessage message, out string? error)
    {
        error = null;
        return message;
    }

    private static ClientMessage? Reject(string reason, out string? error) => Reject<ClientMessage>(reason, out error);

    private static T? Reject<T>(string reason, out string? error)
        where T : class
    {
        error = reason;
        return null;
    }

    private static string Clip(string text) => text.Length <= MaxEchoedLength ? text : text[..MaxEchoedLength] + "…";
}
