namespace Mcu.Server.Auth;

/// <summary>The credentials of an <c>Authorization: Bearer ...</c> header (RFC 6750 2.1).</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static string? From(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > Scheme.Length
            ? authorization[Scheme.Length..].Trim()
            : null;
    }
}
