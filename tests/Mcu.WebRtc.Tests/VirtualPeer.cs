using System.Net;
using Mcu.Testing.Network;

namespace Mcu.WebRtc.Tests;

/// <summary>One end of a <see cref="PeerPair"/>: a session's transport and observer on a virtual network.</summary>
internal sealed class VirtualPeer(VirtualNetwork network, IPEndPoint local, Func<TimeSpan> clock) : IPeerTransport, IPeerSessionObserver
{
    public IPEndPoint Local { get; } = local;

    public PeerSession Session { get; set; } = null!;

    public List<PeerState> States { get; } = [];

    public List<byte[]> Rtp { get; } = [];

    public List<byte[]> Rtcp { get; } = [];

    public List<SocketAddress> Bound { get; } = [];

    /// <summary>Every datagram this peer put on the wire, protected as sent.</summary>
    public List<byte[]> Sent { get; } = [];

    /// <summary>When set, received RTP is sent straight back (the echo a test server does).</summary>
    public bool Echo { get; set; }

    public void Send(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        Sent.Add(datagram.ToArray());
        network.Send(clock(), Local, ToEndPoint(to), datagram);
    }

    public void Bind(SocketAddress remote) => Bound.Add(remote);

    public void OnStateChanged(PeerSession session, PeerState state) => States.Add(state);

    public void OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length)
    {
        Rtp.Add(buffer[..length].ToArray());
        if (Echo)
        {
            session.SendRtp(buffer, length);
        }
    }

    public void OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound) => Rtcp.Add(compound.ToArray());

    public static IPEndPoint ToEndPoint(SocketAddress address) =>
        (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
}
