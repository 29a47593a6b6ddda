using Mcu.Conference;
using Mcu.Sdp;
using Mcu.Server.Api;
using Mcu.Server.Auth;
using Mcu.Server.Limits;
using Mcu.Server.Turn;
using Microsoft.Extensions.Options;

namespace Mcu.Server.Whip;

/// <summary>
/// The WHIP (RFC 9725) and WHEP resources: an offer POSTed to the endpoint joins the room and
/// creates a session URL; DELETE on it leaves; PATCH carries trickle ICE, which an ICE-lite
/// server that learns the peer from its checks accepts and ignores.
/// </summary>
internal sealed partial class WhipHandler(
    RoomRegistry registry,
    JoinAuthorizer authorizer,
    IceServerProvider iceServers,
    WhipSessionStore sessions,
    IOptions<LimitsOptions> limits,
    ILogger<WhipHandler> logger)
{
    private readonly int _maxSdpBytes = limits.Value.MaxSdpBytes;

    public async Task<IResult> CreateAsync(HttpContext context, string roomName, WhipProtocol protocol)
    {
        var request = context.Request;
        if (authorizer.Authorize(context, roomName) is { } denied)
        {
            return HttpProblems.Unauthorized(denied);
        }
        if (!ContentTypes.Is(request, ContentTypes.Sdp))
        {
            return ContentTypes.Unsupported(ContentTypes.Sdp);
        }
        var offer = await LimitedBody.ReadTextAsync(request, _maxSdpBytes, context.RequestAborted).ConfigureAwait(false);
        if (offer is null)
        {
            return TooLarge();
        }
        SessionDescription parsed;
        try
        {
            parsed = SessionDescription.Parse(offer);
        }
        catch (SdpException e)
        {
            return UnusableOffer(e);
        }
        var kind = protocol == WhipProtocol.Whep ? MemberKind.Viewer : OfferKind.Classify(parsed);
        JoinResult joined;
        Room room;
        try
        {
            room = registry.GetOrCreate(roomName);
            joined = await room.JoinAsync(offer, request.Query["name"].ToString(), kind).ConfigureAwait(false);
        }
        catch (SdpException e)
        {
            return UnusableOffer(e);
        }
        catch (ConferenceException e)
        {
            var status = HttpProblems.StatusOf(e.Error);
            LogRefused(logger, roomName, protocol, status, e.Message);
            return HttpProblems.FromConference(e);
        }
        catch (ObjectDisposedException)
        {
            // The room closed (emptied, or the server is stopping) between finding it and joining.
            return HttpProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Server busy", $"Room '{roomName}' is closing; try again.");
        }
        var (ufrag, pwd) = RemoteIceCredentials(parsed);
        var session = sessions.Add(protocol, room, joined.MemberId, ufrag, pwd);
        LogJoined(logger, room.Name, joined.MemberId, joined.Kind, protocol);
        var servers = iceServers.GetServers(room.Name);
        return new ResultWithHeaders(
            Results.Text(joined.Answer, ContentTypes.Sdp, statusCode: StatusCodes.Status201Created),
            headers =>
            {
                headers.Location = session.Path;
                headers.ETag = session.ETag;
                IceServerLinks.Append(headers, servers);
            });
    }

    public async Task<IResult> DeleteAsync(string roomName, string token, WhipProtocol protocol)
    {
        if (!sessions.TryGet(token, protocol, roomName, out var session))
        {
            return UnknownSession();
        }
        sessions.Remove(session);
        await session.Room.RemoveAsync(session.MemberId, $"{protocol} DELETE").ConfigureAwait(false);
        LogDeleted(logger, session.Room.Name, session.MemberId, protocol);
        return Results.Ok();
    }

    public async Task<IResult> PatchAsync(HttpContext context, string roomName, string token, WhipProtocol protocol)
    {
        if (!sessions.TryGet(token, protocol, roomName, out var session) || !session.MemberPresent())
        {
            return UnknownSession();
        }
        var request = context.Request;
        if (!ContentTypes.Is(request, TrickleFragment.ContentType))
        {
            return ContentTypes.Unsupported(TrickleFragment.ContentType);
        }
        var body = await LimitedBody.ReadTextAsync(request, _maxSdpBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }
        TrickleFragment fragment;
        try
        {
            fragment = TrickleFragment.Parse(body);
        }
        catch (SdpException e)
        {
            return HttpProblems.Problem(StatusCodes.Status400BadRequest, "Malformed trickle fragment", e.Message);
        }
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*" && !ETagListContains(ifMatch, session.ETag))
        {
            return HttpProblems.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed",
                $"If-Match does not name this session's ICE session ({session.ETag}).");
        }
        if ((fragment.IceUfrag is not null && fragment.IceUfrag != session.RemoteIceUfrag)
            || (fragment.IcePwd is not null && fragment.IcePwd != session.RemoteIcePwd))
        {
            // RFC 9725 4.3.1: a session supporting trickle ICE but not ICE restarts answers 422,
            // and (4.3.2) a restart it cannot satisfy leaves the current ICE session running.
            return HttpProblems.Problem(StatusCodes.Status422UnprocessableEntity, "ICE restart not supported",
                "The fragment carries new ICE credentials (an ICE restart), which this server does not support; "
                + "the current session continues. To reconnect, DELETE this session and POST a new offer.");
        }
        // ICE-lite (RFC 8445 2.5): the server never checks the client's candidates; the client's
        // checks reveal its address. Candidates are therefore accepted and have nothing to change.
        return Results.NoContent();
    }

    /// <summary>OPTIONS on the endpoint: the ICE servers, for clients that want them before they offer (RFC 9725 4.6).</summary>
    public IResult Options(string roomName) =>
        new ResultWithHeaders(Results.NoContent(), headers =>
        {
            headers.Allow = "OPTIONS, POST";
            headers["Accept-Post"] = ContentTypes.Sdp;
            IceServerLinks.Append(headers, iceServers.GetServers(roomName));
        });

    private static (string? Ufrag, string? Pwd) RemoteIceCredentials(SessionDescription offer)
    {
        var ufrag = offer.IceUfrag;
        var pwd = offer.IcePwd;
        foreach (var media in offer.Media)
        {
            ufrag ??= media.IceUfrag;
            pwd ??= media.IcePwd;
        }
        return (ufrag, pwd);
    }

    private static bool ETagListContains(string ifMatch, string etag)
    {
        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == etag)
            {
                return true;
            }
        }
        return false;
    }

    private IResult TooLarge() =>
        HttpProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body exceeds Limits:MaxSdpBytes ({_maxSdpBytes} bytes).");

    private static IResult UnusableOffer(SdpException e) =>
        HttpProblems.Problem(StatusCodes.Status400BadRequest, "Unusable SDP offer", e.Message);

    private static IResult UnknownSession() => HttpProblems.NotFound("There is no such session (it was deleted, or its member left).");

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol}: member {MemberId} joined room {Room} as {Kind}")]
    private static partial void LogJoined(ILogger logger, string room, int memberId, MemberKind kind, WhipProtocol protocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol}: member {MemberId} of room {Room} left by DELETE")]
    private static partial void LogDeleted(ILogger logger, string room, int memberId, WhipProtocol protocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol}: join to room {Room} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string room, WhipProtocol protocol, int status, string reason);
}
