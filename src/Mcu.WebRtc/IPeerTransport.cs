using System.Net;

namespace Mcu.WebRtc;

/// <summary>
/// What a sans-IO <see cref="PeerSession"/> asks of whoever drives it: put a datagram on the
/// wire, and route a remote address (validated by ICE) to this session from now on.
/// </summary>
public interface IPeerTransport
{
    /// <summary>Sends now; the span is only valid during the call.</summary>
    void Send(ReadOnlySpan<byte> datagram, SocketAddress to);

    /// <summary>Datagrams from <paramref name="remote"/> belong to this session (ICE validated it).</summary>
    void Bind(SocketAddress remote);
}
