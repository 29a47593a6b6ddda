namespace Mcu.Server.Media;

/// <summary>The "Media" configuration section: the shared UDP port and what to announce.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The one UDP port for every peer (0 picks a free one).</summary>
    public int Port { get; set; } = 50000;

    /// <summary>Addresses to bind; empty binds every IPv4 (and IPv6) interface.</summary>
    public IList<string> BindAddresses { get; } = [];

    /// <summary>
    /// Addresses put in ICE candidates, e.g. the public address of a server behind NAT. Empty
    /// announces the bound address, or every interface address when bound to all interfaces.
    /// </summary>
    public IList<string> AnnouncedAddresses { get; } = [];

    /// <summary>Network loop threads sharing the peers.</summary>
    public int NetworkLoops { get; set; } = 1;
}
