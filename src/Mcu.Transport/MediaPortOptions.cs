using System.Net;

namespace Mcu.Transport;

/// <summary>Where the shared media port listens and how much it buffers.</summary>
public sealed class MediaPortOptions
{
    /// <summary>The one UDP port every peer uses; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 50000;

    /// <summary>
    /// Addresses to bind. Empty means every IPv4 interface, plus every IPv6 interface when the
    /// host has IPv6.
    /// </summary>
    public IList<IPAddress> BindAddresses { get; } = [];

    /// <summary>Network loops (threads) that share the peers.</summary>
    public int LoopCount { get; set; } = 1;

    /// <summary>Receive buffers in flight at most; beyond it datagrams are dropped and counted.</summary>
    public int MaxBuffers { get; set; } = 8192;

    /// <summary>Kernel receive buffer per socket, so bursts of video packets survive a busy loop.</summary>
    public int SocketReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;
}
