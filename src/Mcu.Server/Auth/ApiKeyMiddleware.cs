using System.Security.Cryptography;
using System.Text;
using Mcu.Server.Api;
using Microsoft.Extensions.Options;

namespace Mcu.Server.Auth;

/// <summary>
/// When Auth:ApiKey is set, every /api/* request must present it as <c>Authorization: Bearer
/// KEY</c> or <c>X-Api-Key: KEY</c>; anything else is a 401 problem. Open to all: /api/config
/// (the browser app needs it before anyone could hold a key) and reading the layouts and their
/// previews (participants pick layouts in the app; the names are not secret, and changing a
/// room's layout over the API still needs the key).
/// </summary>
internal sealed class ApiKeyMiddleware
{
    private readonly RequestDelegate _next;
    private readonly byte[]? _keyHash;

    public ApiKeyMiddleware(RequestDelegate next, IOptions<AuthOptions> options)
    {
        _next = next;
        var key = options.Value.ApiKey;
        _keyHash = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_keyHash is null || !IsProtected(context.Request) || Matches(Presented(context.Request)))
        {
            return _next(context);
        }
        return HttpProblems.Unauthorized(HttpProblems.UnauthorizedDetails(
            "The control API needs the API key: send Authorization: Bearer <key> or X-Api-Key: <key>.")).ExecuteAsync(context);
    }

    private static bool IsProtected(HttpRequest request)
    {
        var path = request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/config", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return !(HttpMethods.IsGet(request.Method) && path.StartsWithSegments("/api/layouts", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Presented(HttpRequest request) =>
        request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header : BearerToken.From(request);

    // Hashing first makes the comparison constant-time whatever the lengths.
    private bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _keyHash);
}
