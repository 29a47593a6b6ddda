using Mcu.Conference;
using Mcu.Recording;
using Mcu.Server.Recording;

namespace Mcu.Server.Api;

/// <summary>
/// Recording a room: POST starts (201, 409 while one runs), DELETE stops and finalizes (200 with
/// the file's path, duration and size), GET lists the room's running and ended recordings.
/// </summary>
internal static class RecordingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var recordings = api.MapGroup("/rooms/{room}/recordings");
        recordings.MapPost("/", Start);
        recordings.MapGet("/", (string room, RoomRecordings recordings) =>
            Results.Ok(recordings.Manager.List(room).Select(RecordingJson.From).ToList()));
        recordings.MapGet("/{id}", (string room, string id, RoomRecordings recordings) =>
            recordings.Manager.Find(id) is { } info && info.Room == room ? Results.Ok(RecordingJson.From(info)) : NoRecording(room, id));
        recordings.MapDelete("/{id}", (string room, string id, RoomRecordings recordings) =>
            recordings.Manager.Stop(room, id) is { } info ? Results.Ok(RecordingJson.From(info)) : NoRecording(room, id));
    }

    private static IResult Start(string room, RoomRegistry registry, RoomRecordings recordings)
    {
        if (registry.Find(room) is not { } found)
        {
            return RoomEndpoints.NoRoom(room);
        }
        RecordingInfo info;
        try
        {
            info = recordings.Manager.Start(found);
        }
        catch (RecordingConflictException conflict)
        {
            return HttpProblems.Problem(StatusCodes.Status409Conflict, "Already recording",
                $"Room '{room}' is already being recorded ({conflict.RunningId}); stop that recording first.");
        }
        if (info.State == RecordingState.Failed)
        {
            return HttpProblems.Problem(StatusCodes.Status500InternalServerError, "Recording failed", info.Error ?? "The recording could not start.");
        }
        return Results.Created($"/api/rooms/{Uri.EscapeDataString(room)}/recordings/{Uri.EscapeDataString(info.Id)}", RecordingJson.From(info));
    }

    private static IResult NoRecording(string room, string id) => HttpProblems.NotFound($"Room '{room}' has no recording '{id}'.");
}
