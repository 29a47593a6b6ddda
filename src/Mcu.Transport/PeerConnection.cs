using System.Net;
using Mcu.Dtls;
using Mcu.Sdp;
using Mcu.WebRtc;
using IceCredentials = Mcu.Stun.Ice.IceCredentials;

namespace Mcu.Transport;

/// <summary>
/// A <see cref="PeerSession"/> on a <see cref="UdpMediaPort"/>: the loop that owns it, the
/// routes that lead its datagrams to it, and their removal when it ends. Everything that touches
/// the session runs on its loop; other threads use <see cref="InvokeAsync{T}"/> or
/// <see cref="Post"/>.
/// </summary>
public sealed class PeerConnection : ILoopSession, IPeerTransport, IPeerSessionObserver
{
    private readonly UdpMediaPort _port;
    private readonly IPeerSessionObserver _observer;
    private readonly PortRoute _route;
    private readonly List<SocketAddress> _bound = [];
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PeerSession _session = null!;
    private bool _released;

    private PeerConnection(UdpMediaPort port, NetworkLoop loop, IPeerSessionObserver observer)
    {
        _port = port;
        _observer = observer;
        Loop = loop;
        _route = new PortRoute(this, loop);
    }

    public NetworkLoop Loop { get; }

    /// <summary>The session; touch it on <see cref="Loop"/> only.</summary>
    public PeerSession Session => _session;

    /// <summary>Completes when DTLS-SRTP is up; faults if the session ends first.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the session has ended, for whatever reason.</summary>
    public Task Ended => _ended.Task;

    TimeSpan ILoopSession.NextTimeout => _session.NextTimeout;

    bool ILoopSession.IsClosed => _session.IsEnded;

    /// <summary>
    /// The server side of a browser's offer: an ICE-lite session found by its ufrag on the shared
    /// port. The answer must already carry <paramref name="local"/>'s ufrag and password.
    /// </summary>
    public static async Task<PeerConnection> AcceptAsync(
        UdpMediaPort port, IceCredentials local, NegotiatedSession negotiated, DtlsCertificate certificate,
        IPeerSessionObserver observer, PeerSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(local);
        var connection = new PeerConnection(port, port.NextLoop(), observer);
        await connection.Loop.InvokeAsync(now =>
        {
            connection._session = PeerSession.CreateLite(local, negotiated, certificate, connection, connection, now, options);
            connection.Loop.Add(connection, now);
            port.RegisterUfrag(local.Ufrag, connection._route);
            return 0;
        }).ConfigureAwait(false);
        return connection;
    }

    /// <summary>The client side: full ICE towards the answer's candidates from a port of its own.</summary>
    public static async Task<PeerConnection> ConnectAsync(
        UdpMediaPort port, IceCredentials local, NegotiatedSession negotiated, DtlsCertificate certificate,
        IPeerSessionObserver observer, PeerSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(port);
        var connection = new PeerConnection(port, port.NextLoop(), observer);
        await connection.Loop.InvokeAsync(now =>
        {
            connection._session = PeerSession.CreateControlling(local, negotiated, certificate, connection, connection, now, options);
            connection.Loop.Add(connection, now);
            port.DefaultRoute = connection._route; // a client port serves this one session
            connection._session.Start(now);
            connection.Loop.Touch(connection, now);
            return 0;
        }).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs <paramref name="action"/> with the session on its loop.</summary>
    public void Post(Action<PeerSession, TimeSpan> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Loop.Post(now =>
        {
            action(_session, now);
            AfterCommand(now);
        });
    }

    /// <summary>Runs <paramref name="function"/> with the session on its loop and returns its result.</summary>
    public Task<T> InvokeAsync<T>(Func<PeerSession, TimeSpan, T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Loop.InvokeAsync(now =>
        {
            var result = function(_session, now);
            AfterCommand(now);
            return result;
        });
    }

    /// <summary>Hangs up (DTLS close_notify) and releases the routes; safe to call more than once.</summary>
    public Task CloseAsync(string reason) => InvokeAsync((session, _) =>
    {
        session.Close(reason);
        return 0;
    });

    void ILoopSession.HandleDatagram(TimeSpan now, Span<byte> datagram, SocketAddress from)
    {
        _session.HandleDatagram(now, datagram, from);
        ReleaseIfEnded();
    }

    void ILoopSession.HandleTimeout(TimeSpan now)
    {
        _session.HandleTimeout(now);
        ReleaseIfEnded();
    }

    void ILoopSession.Abort(TimeSpan now, Exception error)
    {
        try
        {
            _session.Close($"internal error: {error.Message}");
        }
        finally
        {
            Release();
        }
    }

    void IPeerTransport.Send(ReadOnlySpan<byte> datagram, SocketAddress to) => _port.Send(datagram, to);

    void IPeerTransport.Bind(SocketAddress remote)
    {
        _bound.Add(remote);
        _port.BindAddress(remote, _route);
    }

    void IPeerSessionObserver.OnStateChanged(PeerSession session, PeerState state)
    {
        if (state == PeerState.Connected)
        {
            _connected.TrySetResult();
        }
        else if (session.IsEnded)
        {
            _connected.TrySetException(new InvalidOperationException($"The peer session ended before connecting: {session.CloseReason}"));
        }
        _observer.OnStateChanged(session, state);
    }

    void IPeerSessionObserver.OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length) =>
        _observer.OnRtp(session, now, buffer, length);

    void IPeerSessionObserver.OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound) =>
        _observer.OnRtcp(session, now, compound);

    private void AfterCommand(TimeSpan now)
    {
        ReleaseIfEnded();
        if (!_released)
        {
            Loop.Touch(this, now);
        }
    }

    private void ReleaseIfEnded()
    {
        if (_session.IsEnded)
        {
            Release();
        }
    }

    private void Release()
    {
        if (_released)
        {
            return;
        }
        _released = true;
        _port.UnregisterUfrag(_session.LocalCredentials.Ufrag, this);
        foreach (var address in _bound)
        {
            _port.UnbindAddress(address, this);
        }
        if (ReferenceEquals(_port.DefaultRoute?.Session, this))
        {
            _port.DefaultRoute = null;
        }
        _session.Dispose();
        _connected.TrySetException(new InvalidOperationException($"The peer session ended: {_session.CloseReason}"));
        _ended.TrySetResult();
    }
}
