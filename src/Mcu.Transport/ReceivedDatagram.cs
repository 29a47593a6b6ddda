using System.Net;
using System.Net.Sockets;

namespace Mcu.Transport;

/// <summary>
/// One received datagram in a pooled, pinned buffer, on its way from a receive thread to the
/// loop that owns its session. Returned to its pool by the loop after handling.
/// </summary>
public sealed class ReceivedDatagram
{
    /// <summary>Larger datagrams are dropped: WebRTC peers keep packets near 1200 bytes.</summary>
    public const int Capacity = 2048;

    internal ReceivedDatagram()
    {
    }

    internal byte[] Buffer { get; } = GC.AllocateUninitializedArray<byte>(Capacity, pinned: true);

    // One address per family: SocketAddress equality compares whole buffers, so a key must be
    // exactly the size of its family for address lookups to match.
    private readonly SocketAddress _source4 = new(AddressFamily.InterNetwork);
    private readonly SocketAddress _source6 = new(AddressFamily.InterNetworkV6);

    internal SocketAddress Source { get; private set; } = null!;

    internal SocketAddress SourceFor(AddressFamily family)
    {
        Source = family == AddressFamily.InterNetworkV6 ? _source6 : _source4;
        return Source;
    }

    internal int Length { get; set; }

    internal ILoopSession? Session { get; set; }

    internal Span<byte> Data => Buffer.AsSpan(0, Length);
}
