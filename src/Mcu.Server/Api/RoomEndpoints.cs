using System.Text.Json;
using Mcu.Conference;
using Mcu.Server.Limits;

namespace Mcu.Server.Api;

/// <summary>
/// The rooms part of the control API: list, state, layout, and a member's mute and removal.
/// Every answer about one room is its RoomState after the change.
/// </summary>
internal static partial class RoomEndpoints
{
    private const int MaxJsonBytes = 4096;

    public static void Map(RouteGroupBuilder api)
    {
        var rooms = api.MapGroup("/rooms");
        rooms.MapGet("/", (RoomRegistry registry) =>
        {
            var list = new List<RoomSummary>();
            foreach (var room in registry.Rooms)
            {
                int participants = 0, publishers = 0, viewers = 0;
                foreach (var member in room.Members)
                {
                    switch (member.Kind)
                    {
                        case MemberKind.Participant: participants++; break;
                        case MemberKind.Publisher: publishers++; break;
                        default: viewers++; break;
                    }
                }
                list.Add(new RoomSummary(room.Name, participants, publishers, viewers, room.LayoutName));
            }
            list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return Results.Ok(list);
        });
        rooms.MapGet("/{room}", (string room, RoomRegistry registry) =>
            registry.Find(room) is { } found ? new RoomStateResult(found) : NoRoom(room));
        rooms.MapPut("/{room}/layout", SetLayoutAsync);
        rooms.MapPost("/{room}/participants/{id:int}/mute", (string room, int id, RoomRegistry registry, ILogger<RoomRegistry> logger) =>
            SetMuted(registry, logger, room, id, muted: true));
        rooms.MapPost("/{room}/participants/{id:int}/unmute", (string room, int id, RoomRegistry registry, ILogger<RoomRegistry> logger) =>
            SetMuted(registry, logger, room, id, muted: false));
        rooms.MapDelete("/{room}/participants/{id:int}", RemoveAsync);
    }

    private static async Task<IResult> SetLayoutAsync(HttpContext context, string room, RoomRegistry registry, ILogger<RoomRegistry> logger)
    {
        if (registry.Find(room) is not { } found)
        {
            return NoRoom(room);
        }
        var body = await LimitedBody.ReadTextAsync(context.Request, MaxJsonBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return HttpProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body must be at most {MaxJsonBytes} bytes.");
        }
        if (ReadLayoutName(body) is not { } layout)
        {
            return HttpProblems.BadRequest("The body must be a JSON object with a non-empty string \"layout\", e.g. { \"layout\": \"grid-2x2\" }.");
        }
        if (!found.SetLayout(layout))
        {
            return HttpProblems.NotFound($"There is no layout or group '{layout}' (GET /api/layouts lists them).");
        }
        LogLayout(logger, found.Name, layout);
        return new RoomStateResult(found);
    }

    private static IResult SetMuted(RoomRegistry registry, ILogger logger, string room, int id, bool muted)
    {
        if (registry.Find(room) is not { } found)
        {
            return NoRoom(room);
        }
        if (!found.SetMuted(id, muted))
        {
            return NoMember(room, id);
        }
        LogMuted(logger, found.Name, id, muted);
        return new RoomStateResult(found);
    }

    private static async Task<IResult> RemoveAsync(string room, int id, RoomRegistry registry, ILogger<RoomRegistry> logger)
    {
        if (registry.Find(room) is not { } found)
        {
            return NoRoom(room);
        }
        if (!await found.RemoveAsync(id, "removed through the control API").ConfigureAwait(false))
        {
            return NoMember(room, id);
        }
        LogRemoved(logger, found.Name, id);
        return new RoomStateResult(found);
    }

    private static string? ReadLayoutName(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("layout", out var layout) && layout.ValueKind == JsonValueKind.String
                && layout.GetString() is { Length: > 0 } name
                    ? name
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static IResult NoRoom(string room) => HttpProblems.NotFound($"There is no room '{room}'.");

    private static IResult NoMember(string room, int id) => HttpProblems.NotFound($"Room '{room}' has no member {id}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "API: room {Room} layout set to {Layout}")]
    private static partial void LogLayout(ILogger logger, string room, string layout);

    [LoggerMessage(Level = LogLevel.Information, Message = "API: room {Room} member {MemberId} muted: {Muted}")]
    private static partial void LogMuted(ILogger logger, string room, int memberId, bool muted);

    [LoggerMessage(Level = LogLevel.Information, Message = "API: room {Room} member {MemberId} removed")]
    private static partial void LogRemoved(ILogger logger, string room, int memberId);
}
