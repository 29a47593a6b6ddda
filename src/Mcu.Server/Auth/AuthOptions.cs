namespace Mcu.Server.Auth;

/// <summary>The "Auth" configuration section: optional protection of the control API and of joins.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>When set, /api/* (but /api/config) needs <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>When set, WHIP, WHEP and WebSocket joins need an HS256 JWT signed with this secret naming the room.</summary>
    public string? JoinTokenSecret { get; set; }

    /// <summary>Tolerance for clocks that disagree when checking a token's exp and nbf.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
