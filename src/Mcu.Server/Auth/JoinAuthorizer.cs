using System.Text;
using Mcu.Server.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mcu.Server.Auth;

/// <summary>
/// Decides whether a request may join a room: always, unless Auth:JoinTokenSecret is set; then
/// only with an HS256 JWT whose "room" claim names the room (or "*") and whose exp has not
/// passed, given as <c>Authorization: Bearer JWT</c> or <c>?token=JWT</c>. Thread-safe.
/// </summary>
public sealed partial class JoinAuthorizer
{
    private readonly byte[]? _key;
    private readonly TimeSpan _skew;
    private readonly TimeProvider _time;
    private readonly ILogger<JoinAuthorizer> _logger;

    public JoinAuthorizer(IOptions<AuthOptions> options, TimeProvider time, ILogger<JoinAuthorizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Value.JoinTokenSecret;
        _key = string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret);
        _skew = options.Value.ClockSkew;
        _time = time;
        _logger = logger;
    }

    /// <summary>Joins need a token.</summary>
    public bool IsRequired => _key is not null;

    /// <summary>Null when the request may join <paramref name="room"/>; else a 401 problem saying why.</summary>
    public ProblemDetails? Authorize(HttpContext context, string room)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _key is null ? null : Authorize(FindToken(context.Request), room);
    }

    /// <summary>As <see cref="Authorize(HttpContext, string)"/>, for a token the caller found itself.</summary>
    public ProblemDetails? Authorize(string? token, string room)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (_key is null)
        {
            return null;
        }
        if (string.IsNullOrEmpty(token))
        {
            return Refuse(room, "Joining needs a token: send Authorization: Bearer <token> or ?token=<token>.");
        }
        if (!Hs256JwtVerifier.TryVerify(token, _key, _time.GetUtcNow(), _skew, out var claims, out var error))
        {
            return Refuse(room, error);
        }
        return claims.Admits(room) ? null : Refuse(room, $"The join token is for room '{claims.Room}', not '{room}'.");
    }

    /// <summary>The bearer token of the Authorization header, else the "token" query parameter.</summary>
    internal static string? FindToken(HttpRequest request) =>
        BearerToken.From(request) ?? (request.Query["token"].ToString() is { Length: > 0 } query ? query : null);

    private ProblemDetails Refuse(string room, string reason)
    {
        LogRefused(_logger, room, reason);
        return HttpProblems.UnauthorizedDetails(reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Join to room {Room} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string room, string reason);
}
