using Mcu.Server.Turn;

namespace Mcu.Server.Api;

/// <summary>Maps the JSON control API under /api (contract: server-api.md) and problem details for bare error statuses.</summary>
internal static class ApiEndpoints
{
    public static void MapMcuApi(this WebApplication app)
    {
        // Errors without a body (an unmatched route, a wrong method) become RFC 9457 problems too.
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var request = $"{http.Request.Method} {http.Request.Path}";
            var detail = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"Nothing answers {request}.",
                StatusCodes.Status405MethodNotAllowed => $"{request}: the method is not allowed here.",
                _ => $"{request} failed.",
            };
            return Results.Problem(detail, statusCode: http.Response.StatusCode).ExecuteAsync(http);
        });
        var api = app.MapGroup("/api");
        RoomEndpoints.Map(api);
        LayoutEndpoints.Map(api);
        RecordingEndpoints.Map(api);
        // The browser app's RTCPeerConnection configuration; TURN credentials are minted per call.
        api.MapGet("/config", (IceServerProvider iceServers) => Results.Ok(new ClientConfig(iceServers.GetServers("web"))));
    }

    private sealed record ClientConfig(IReadOnlyList<IceServer> IceServers);
}
