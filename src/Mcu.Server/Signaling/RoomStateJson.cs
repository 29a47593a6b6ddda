using System.Text.Json;
using Mcu.Conference;

namespace Mcu.Server.Signaling;

/// <summary>
/// Writes a room's RoomState (the shape of GET /api/rooms/{room}): participants and publishers
/// are listed, viewers only counted; "recording" stays null until the server can record.
/// </summary>
internal static class RoomStateJson
{
    public static void Write(Utf8JsonWriter writer, Room room)
    {
        var members = room.Members;
        var speaker = room.ActiveSpeakerId;
        writer.WriteStartObject();
        writer.WriteString("name", room.Name);
        writer.WriteString("layout", room.LayoutName);
        if (speaker is int id)
        {
            writer.WriteNumber("activeSpeaker", id);
        }
        else
        {
            writer.WriteNull("activeSpeaker");
        }
        writer.WriteStartArray("participants");
        var viewers = 0;
        foreach (var member in members)
        {
            if (member.Kind == MemberKind.Viewer)
            {
                viewers++;
                continue;
            }
            writer.WriteStartObject();
            writer.WriteNumber("id", member.Id);
            writer.WriteString("name", member.Name);
            writer.WriteString("kind", member.Kind == MemberKind.Publisher ? "publisher" : "participant");
            writer.WriteBoolean("audio", member.HasAudio);
            writer.WriteBoolean("video", member.HasVideo);
            writer.WriteBoolean("muted", member.Muted);
            writer.WriteBoolean("speaking", member.Speaking);
            writer.WriteBoolean("connected", member.Connected);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("viewers", viewers);
        writer.WriteNull("recording");
        writer.WriteEndObject();
    }
}
