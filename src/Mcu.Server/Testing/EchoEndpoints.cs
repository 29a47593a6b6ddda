using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mcu.Sdp;
using Mcu.Server.Media;
using Mcu.Transport;
using IceCredentials = Mcu.Stun.Ice.IceCredentials;

namespace Mcu.Server.Testing;

/// <summary>
/// <c>POST /test/echo</c> (an SDP offer in, the answer out, WHIP-style), <c>GET</c> and
/// <c>DELETE /test/echo/{id}</c>. Only mapped when <c>Testing:EchoEndpoint</c> is true: it
/// exists to prove interop with real WebRTC stacks, not for users.
/// </summary>
internal static class EchoEndpoints
{
    private const int MaxOfferBytes = 64 * 1024;

    public static void Map(WebApplication app)
    {
        var calls = new ConcurrentDictionary<string, EchoCall>(StringComparer.Ordinal);
        var group = app.MapGroup("/test/echo");

        group.MapPost("/", async (HttpRequest request, MediaHost media) =>
        {
            var offer = await ReadOfferAsync(request).ConfigureAwait(false);
            if (offer is null)
            {
                return Results.Problem($"The offer must be an application/sdp body of at most {MaxOfferBytes} bytes.", statusCode: StatusCodes.Status400BadRequest);
            }
            var ice = IceCredentials.Generate();
            SdpAnswer answer;
            try
            {
                answer = new SdpAnswerer(new SdpAnswerOptions
                {
                    Transport = new LocalTransport
                    {
                        IceUfrag = ice.Ufrag,
                        IcePwd = ice.Password,
                        Fingerprint = media.Fingerprint,
                        Candidates = media.Candidates,
                    },
                    AudioTracks = [new LocalTrack(RandomSsrc(), "mcu-echo", "echo", "echo-audio")],
                    VideoTracks = [new LocalTrack(RandomSsrc(), "mcu-echo", "echo", "echo-video") { RtxSsrc = RandomSsrc() }],
                }).CreateAnswer(offer);
            }
            catch (SdpException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Unusable SDP offer");
            }
            var echo = new EchoPeer(answer.Session);
            var connection = await PeerConnection.AcceptAsync(media.Port, ice, answer.Session, media.Certificate, echo).ConfigureAwait(false);
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            calls[id] = new EchoCall(connection, echo);
            _ = connection.Ended.ContinueWith(_ => calls.TryRemove(id, out EchoCall? _), TaskScheduler.Default);
            return Results.Text(answer.Sdp, "application/sdp", statusCode: StatusCodes.Status201Created)
                .WithLocation($"/test/echo/{id}");
        });

        group.MapGet("/{id}", async (string id) =>
        {
            if (!calls.TryGetValue(id, out var call))
            {
                return Results.NotFound();
            }
            var status = await call.Connection.InvokeAsync((session, _) => new
            {
                state = session.State.ToString(),
                srtpProfile = session.SrtpProfile.ToString(),
                closeReason = session.CloseReason,
                audioPacketsEchoed = call.Echo.AudioPacketsEchoed,
                videoPacketsEchoed = call.Echo.VideoPacketsEchoed,
                keyframeRequestsForwarded = call.Echo.KeyframeRequestsForwarded,
                rtpPacketsReceived = session.Counters.RtpPacketsReceived,
                droppedSrtp = session.Counters.DroppedSrtp,
            }).ConfigureAwait(false);
            return Results.Json(status);
        });

        group.MapDelete("/{id}", async (string id) =>
        {
            if (!calls.TryRemove(id, out var call))
            {
                return Results.NotFound();
            }
            await call.Connection.CloseAsync("closed by DELETE").ConfigureAwait(false);
            return Results.Ok();
        });
    }

    private static async Task<string?> ReadOfferAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxOfferBytes)
        {
            return null;
        }
        var buffer = new byte[MaxOfferBytes + 1];
        var total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(total)).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > MaxOfferBytes)
            {
                return null;
            }
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static uint RandomSsrc() => (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);

    private static LocatedResult WithLocation(this IResult result, string location) => new(result, location);

    private sealed record EchoCall(PeerConnection Connection, EchoPeer Echo);

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
