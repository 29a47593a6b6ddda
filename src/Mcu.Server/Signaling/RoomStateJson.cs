using System.Text.Json;
using Mcu.Conference;
using Mcu.Recording;

namespace Mcu.Server.Signaling;

/// <summary>
/// Writes a room's RoomState (the shape of GET /api/rooms/{room}): participants and publishers
/// are listed, viewers only counted; "recording" is the running recording or null, and
/// "recordingError" says why the room's latest recording failed (null when it did not).
/// </summary>
internal static class RoomStateJson
{
    /// <param name="latestRecording">The room's newest recording, running or ended; null when it has none.</param>
    public static void Write(Utf8JsonWriter writer, Room room, RecordingInfo? latestRecording)
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
        if (latestRecording is { State: RecordingState.Running } running)
        {
            writer.WriteStartObject("recording");
            writer.WriteString("id", running.Id);
            writer.WriteString("startedAt", running.StartedAt);
            writer.WriteString("path", running.Path);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("recording");
        }
        if (latestRecording is { State: RecordingState.Failed } failed)
        {
            writer.WriteStartObject("recordingError");
            writer.WriteString("id", failed.Id);
            writer.WriteString("message", failed.Error);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("recordingError");
        }
        writer.WriteEndObject();
    }
}
