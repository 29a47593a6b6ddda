namespace Mcu.Server.Turn;

/// <summary>
/// The "Turn" configuration section: TURN servers whose credentials the server mints itself
/// with the shared secret of coturn's use-auth-secret (the TURN REST scheme).
/// </summary>
public sealed class TurnOptions
{
    public const string Section = "Turn";

    /// <summary>TURN URIs (RFC 7065), e.g. "turn:turn.example.org:3478?transport=udp".</summary>
    public IList<string> Uris { get; } = [];

    /// <summary>coturn's static-auth-secret; without it the URIs are handed out without credentials.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>How long minted credentials stay valid.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromHours(1);
}
