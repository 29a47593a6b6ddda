using System.Text.Json;
using Mcu.Conference;
using Mcu.Server.Recording;
using Mcu.Server.Signaling;

namespace Mcu.Server.Api;

/// <summary>A room's RoomState as the response body: the same JSON the WebSocket "room" event carries.</summary>
internal sealed class RoomStateResult(Room room) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        var recordings = httpContext.RequestServices.GetRequiredService<RoomRecordings>();
        RoomStateJson.Write(writer, room, recordings.Latest(room.Name));
        await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
