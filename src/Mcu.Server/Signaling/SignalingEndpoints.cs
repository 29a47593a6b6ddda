using Mcu.Conference;
using Mcu.Primitives;
using Mcu.Server.Api;
using Mcu.Server.Auth;
using Mcu.Server.Limits;
using Microsoft.Extensions.Options;

using Mcu.Server.Recording;

namespace Mcu.Server.Signaling;

/// <summary>
/// Maps <c>/ws</c>, the browser app's WebSocket signalling: JSON text messages, one member per
/// connection (<see cref="SignalingSession"/>). With join tokens configured the upgrade needs
/// <c>?token=</c> (or a bearer header), and each join is checked against the token's room.
/// </summary>
public static class SignalingEndpoints
{
    public const string Path = "/ws";

    public static IEndpointConventionBuilder MapSignaling(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Map(Path, ServeAsync);
    }

    private static async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            // RFC 9110 15.5.22: 426 names the protocol to switch to.
            context.Response.Headers.Upgrade = "websocket";
            await HttpProblems.Problem(StatusCodes.Status426UpgradeRequired, "Upgrade required",
                $"{Path} is the WebSocket signalling endpoint; open it with a WebSocket.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        var services = context.RequestServices;
        var authorizer = services.GetRequiredService<JoinAuthorizer>();
        var token = JoinAuthorizer.FindToken(context.Request);
        if (authorizer.IsRequired && token is null)
        {
            // Refused before the upgrade, so that a plain HTTP client sees the 401 problem too;
            // the token's room is checked at each join, when the room is known.
            await HttpProblems.Unauthorized(HttpProblems.UnauthorizedDetails(
                "Joining needs a token: open /ws?token=<token>.")).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        var limits = services.GetRequiredService<IOptions<LimitsOptions>>().Value;
        // A client's HTTP rate applies to its messages too: one socket is no way around it.
        var budget = limits.RequestsPerSecondPerClient > 0
            ? new MessageBudget(limits.RequestsPerSecondPerClient, Math.Max(limits.RequestBurstPerClient, 1), MonotonicClock.Now)
            : null;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Mcu.Server.Signaling");
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var session = new SignalingSession(socket, services.GetRequiredService<RoomRegistry>(), services.GetRequiredService<RoomRecordings>(),
            room => authorizer.Authorize(token, room)?.Detail, budget, logger);
        await session.RunAsync(services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping).ConfigureAwait(false);
    }
}
