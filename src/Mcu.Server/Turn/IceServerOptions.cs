namespace Mcu.Server.Turn;

/// <summary>One entry of the "IceServers" configuration list: STUN/TURN URIs with fixed credentials.</summary>
public sealed class IceServerOptions
{
    /// <summary>The section holding the list ("IceServers:0:Urls:0", ...).</summary>
    public const string Section = "IceServers";

    public IList<string> Urls { get; } = [];

    public string? Username { get; set; }

    public string? Credential { get; set; }
}
