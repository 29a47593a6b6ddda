using System.Net;
using System.Net.Sockets;
using Mcu.Dtls;
using Mcu.Primitives;
using Mcu.Sdp;
using Mcu.Srtp;
using Mcu.Stun.Ice;

namespace Mcu.WebRtc;

/// <summary>
/// One WebRTC peer: ICE (lite as a server, full controlling as a client), DTLS-SRTP keying and
/// SRTP/SRTCP protection, assembled over one bundled transport. Sans-IO: the driver hands it
/// datagrams and timeouts and it answers through <see cref="IPeerTransport"/> and
/// <see cref="IPeerSessionObserver"/>. Single-threaded: call it from one thread only.
/// </summary>
public sealed class PeerSession : IDisposable
{
    // Browsers may check from several local addresses before nominating one; DTLS is accepted
    // from any of them, but only the few most recent are remembered.
    private const int MaxValidatedAddresses = 8;

    private readonly IPeerTransport _transport;
    private readonly IPeerSessionObserver _observer;
    private readonly PeerSessionOptions _options;
    private readonly IceLiteAgent? _lite;
    private readonly IceControllingAgent? _controlling;
    private readonly DtlsEndpoint _dtls;
    private readonly List<SocketAddress> _validated = new(MaxValidatedAddresses);
    private readonly byte[] _scratch = new byte[2048];
    private readonly TimeSpan _createdAt;
    private SrtpSession? _srtp;
    private SocketAddress? _remote;
    private SocketAddress? _dtlsPeer;
    private bool _dtlsStarted;

    private PeerSession(
        NegotiatedSession negotiated,
        DtlsCertificate certificate,
        IPeerTransport transport,
        IPeerSessionObserver observer,
        TimeSpan now,
        PeerSessionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(negotiated);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(observer);
        _transport = transport;
        _observer = observer;
        _options = options ?? PeerSessionOptions.Default;
        _createdAt = now;
        Negotiated = negotiated;
        var role = negotiated.LocalDtlsRole == Sdp.DtlsRole.Client ? Dtls.DtlsRole.Client : Dtls.DtlsRole.Server;
        _dtls = new DtlsEndpoint(role, certificate, _options.Dtls);
        var fingerprint = negotiated.RemoteFingerprint;
        if (!_dtls.SetRemoteFingerprint(fingerprint.Algorithm, fingerprint.Value.Span))
        {
            throw new ArgumentException($"The remote DTLS fingerprint algorithm '{fingerprint.Algorithm}' is not supported.", nameof(negotiated));
        }
    }

    private PeerSession(
        IceCredentials local,
        NegotiatedSession negotiated,
        DtlsCertificate certificate,
        IPeerTransport transport,
        IPeerSessionObserver observer,
        TimeSpan now,
        PeerSessionOptions? options,
        bool lite)
        : this(negotiated, certificate, transport, observer, now, options)
    {
        LocalCredentials = local;
        if (lite)
        {
            _lite = new IceLiteAgent(local, negotiated.RemoteIceUfrag, now, _options.IceLite);
            return;
        }
        _controlling = new IceControllingAgent(local, new IceCredentials(negotiated.RemoteIceUfrag, negotiated.RemoteIcePwd), _options.IceControlling);
        foreach (var candidate in negotiated.RemoteCandidates)
        {
            // Only UDP candidates with IP literals: names (mDNS) cannot be checked without a resolver.
            if (candidate.IsUdp && candidate.TryGetEndPoint(out var endPoint))
            {
                _controlling.AddRemoteCandidate(new Stun.Ice.IceCandidate
                {
                    Foundation = candidate.Foundation,
                    Priority = candidate.Priority,
                    EndPoint = endPoint,
                });
            }
        }
        if (negotiated.RemoteEndOfCandidates)
        {
            _controlling.EndOfRemoteCandidates();
        }
    }

    /// <summary>The server side: ICE-lite, and the DTLS role the answer chose (normally passive/server).</summary>
    public static PeerSession CreateLite(
        IceCredentials local, NegotiatedSession negotiated, DtlsCertificate certificate,
        IPeerTransport transport, IPeerSessionObserver observer, TimeSpan now, PeerSessionOptions? options = null) =>
        new(local, negotiated, certificate, transport, observer, now, options, lite: true);

    /// <summary>The client side: full ICE, controlling, checking the candidates of the answer. Call <see cref="Start"/>.</summary>
    public static PeerSession CreateControlling(
        IceCredentials local, NegotiatedSession negotiated, DtlsCertificate certificate,
        IPeerTransport transport, IPeerSessionObserver observer, TimeSpan now, PeerSessionOptions? options = null) =>
        new(local, negotiated, certificate, transport, observer, now, options, lite: false);

    public IceCredentials LocalCredentials { get; } = null!;

    public NegotiatedSession Negotiated { get; }

    public PeerState State { get; private set; }

    /// <summary>Why the session ended, for logs and the API.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>The negotiated SRTP profile once connected.</summary>
    public SrtpProfile SrtpProfile => _srtp?.Outbound.Profile ?? SrtpProfile.None;

    /// <summary>Where media goes: the nominated address.</summary>
    public SocketAddress? RemoteAddress => _remote;

    public PeerSessionCounters Counters { get; } = new();

    /// <summary>Application state carried with the session (the room's participant, the echo binding...).</summary>
    public object? Tag { get; set; }

    public bool IsEnded => State is PeerState.Closed or PeerState.Failed;

    public TimeSpan NextTimeout
    {
        get
        {
            if (IsEnded)
            {
                return TimeSpan.MaxValue;
            }
            var next = _lite?.NextTimeout ?? _controlling!.NextTimeout;
            if (_dtls.NextTimeout is { } dtls && dtls < next)
            {
                next = dtls;
            }
            if (State != PeerState.Connected)
            {
                var handshakeDeadline = _createdAt + _options.HandshakeTimeout;
                if (handshakeDeadline < next)
                {
                    next = handshakeDeadline;
                }
            }
            return next;
        }
    }

    /// <summary>Starts connectivity checks (client side); the lite side waits for the peer.</summary>
    public void Start(TimeSpan now)
    {
        if (_controlling is null)
        {
            return;
        }
        _controlling.Start(now);
        FlushIce();
    }

    public void HandleDatagram(TimeSpan now, Span<byte> datagram, SocketAddress from)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (IsEnded)
        {
            return;
        }
        switch (DatagramClassifier.Classify(datagram))
        {
            case DatagramKind.Stun:
                HandleStun(now, datagram, from);
                break;
            case DatagramKind.Dtls:
                HandleDtls(now, datagram, from);
                break;
            case DatagramKind.Rtp:
                HandleRtp(now, datagram, from);
                break;
            case DatagramKind.Rtcp:
                HandleRtcp(now, datagram, from);
                break;
            default:
                Counters.DroppedUnclassified++;
                break;
        }
    }

    public void HandleTimeout(TimeSpan now)
    {
        if (IsEnded)
        {
            return;
        }
        if (_lite is not null)
        {
            _lite.HandleTimeout(now);
            if (_lite.State == IceState.Failed)
            {
                Fail($"ICE failed: {_lite.FailureReason}");
                return;
            }
        }
        else
        {
            _controlling!.HandleTimeout(now);
            FlushIce();
            if (AfterControllingIce(now))
            {
                return;
            }
        }
        if (_dtls.NextTimeout is { } deadline && deadline <= now)
        {
            _dtls.HandleTimeout(now);
            FlushDtls();
            if (AfterDtls())
            {
                return;
            }
        }
        if (State != PeerState.Connected && now >= _createdAt + _options.HandshakeTimeout)
        {
            if (_dtlsStarted)
            {
                // A handshake that began and never finished is a DTLS failure; without one, ICE failed.
                WebRtcMetrics.DtlsFailures.Add(1);
            }
            Fail($"no secure connection within {_options.HandshakeTimeout.TotalSeconds:0} s (ICE {IceStateName}, DTLS {_dtls.State})");
        }
    }

    /// <summary>
    /// Protects <paramref name="buffer"/>[..<paramref name="length"/>] in place and sends it to
    /// the peer. The buffer needs room for the SRTP tag after the packet. False when not connected.
    /// </summary>
    public bool SendRtp(Span<byte> buffer, int length)
    {
        if (State != PeerState.Connected || _remote is null)
        {
            return false;
        }
        if (_srtp!.ProtectRtp(buffer, length, out var protectedLength) != SrtpResult.Ok)
        {
            Counters.SendFailures++;
            return false;
        }
        _transport.Send(buffer[..protectedLength], _remote);
        Counters.RtpPacketsSent++;
        Counters.BytesSent += protectedLength;
        return true;
    }

    /// <summary>As <see cref="SendRtp"/>, for an RTCP compound packet.</summary>
    public bool SendRtcp(Span<byte> buffer, int length)
    {
        if (State != PeerState.Connected || _remote is null)
        {
            return false;
        }
        if (_srtp!.ProtectRtcp(buffer, length, out var protectedLength) != SrtpResult.Ok)
        {
            Counters.SendFailures++;
            return false;
        }
        _transport.Send(buffer[..protectedLength], _remote);
        Counters.RtcpPacketsSent++;
        Counters.BytesSent += protectedLength;
        return true;
    }

    /// <summary>Ends the session: tells the peer (DTLS close_notify) and stops.</summary>
    public void Close(string reason)
    {
        if (IsEnded)
        {
            return;
        }
        _dtls.Close();
        FlushDtls();
        End(PeerState.Closed, reason);
    }

    public void Dispose()
    {
        _dtls.Dispose();
        _srtp?.Dispose();
    }

    private string IceStateName => (_lite?.State ?? _controlling!.State).ToString();

    private void HandleStun(TimeSpan now, ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (_lite is null)
        {
            _controlling!.HandleDatagram(now, datagram, ToEndPoint(from));
            FlushIce();
            AfterControllingIce(now);
            return;
        }
        var result = _lite.HandleRequest(now, datagram, from, _scratch, out var responseLength);
        if (responseLength > 0)
        {
            _transport.Send(_scratch.AsSpan(0, responseLength), from);
        }
        if (result is not (IceResult.Answered or IceResult.Selected))
        {
            return;
        }
        Validate(from);
        if (_lite.SelectedRemoteAddress is { } selected && !selected.Equals(_remote))
        {
            _remote = selected; // nominated (or moved after a network change)
        }
        if (State == PeerState.New)
        {
            SetState(PeerState.Securing);
        }
    }

    // Client side: once ICE selects a pair, the DTLS client starts.
    private bool AfterControllingIce(TimeSpan now)
    {
        var ice = _controlling!;
        if (ice.State == IceState.Failed)
        {
            Fail($"ICE failed: {ice.FailureReason}");
            return true;
        }
        if (ice.SelectedRemote is { } selected)
        {
            var address = selected.Serialize();
            if (!address.Equals(_remote))
            {
                _remote = address;
                Validate(address);
            }
            if (State == PeerState.New)
            {
                SetState(PeerState.Securing);
            }
            if (!_dtlsStarted && _dtls.Role == Dtls.DtlsRole.Client)
            {
                _dtlsStarted = true;
                _dtlsPeer = _remote;
                _dtls.Start(now);
                FlushDtls();
            }
        }
        return false;
    }

    private void HandleDtls(TimeSpan now, ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        if (!IsValidated(from))
        {
            Counters.DroppedUnvalidatedSource++;
            return;
        }
        if (_dtlsPeer is null || !_dtlsPeer.Equals(from))
        {
            _dtlsPeer = Find(from);
        }
        if (!_dtlsStarted)
        {
            _dtlsStarted = true;
            _dtls.Start(now); // the server role just arms itself; the ClientHello follows
        }
        _dtls.HandleDatagram(now, datagram);
        FlushDtls();
        AfterDtls();
    }

    private bool AfterDtls()
    {
        switch (_dtls.State)
        {
            case DtlsState.Connected when _srtp is null:
                _srtp = new SrtpSession(_dtls.GetSrtpKeys(), _options.Srtp);
                _remote ??= _dtlsPeer;
                SetState(PeerState.Connected);
                return false;
            case DtlsState.Failed:
                WebRtcMetrics.DtlsFailures.Add(1);
                Fail($"DTLS failed: {_dtls.FailureReason}");
                return true;
            case DtlsState.Closed:
                End(PeerState.Closed, "the peer closed the DTLS connection");
                return true;
            default:
                return false;
        }
    }

    private void HandleRtp(TimeSpan now, Span<byte> datagram, SocketAddress from)
    {
        if (!AcceptMedia(from))
        {
            return;
        }
        if (_srtp!.UnprotectRtp(datagram, out var length) != SrtpResult.Ok)
        {
            Counters.DroppedSrtp++;
            WebRtcMetrics.MalformedPackets.Add(1, WebRtcMetrics.SrtpReason);
            return;
        }
        Counters.RtpPacketsReceived++;
        Counters.BytesReceived += datagram.Length;
        _observer.OnRtp(this, now, datagram, length);
    }

    private void HandleRtcp(TimeSpan now, Span<byte> datagram, SocketAddress from)
    {
        if (!AcceptMedia(from))
        {
            return;
        }
        if (_srtp!.UnprotectRtcp(datagram, out var length) != SrtpResult.Ok)
        {
            Counters.DroppedSrtp++;
            WebRtcMetrics.MalformedPackets.Add(1, WebRtcMetrics.SrtpReason);
            return;
        }
        Counters.RtcpPacketsReceived++;
        Counters.BytesReceived += datagram.Length;
        _observer.OnRtcp(this, now, datagram[..length]);
    }

    private bool AcceptMedia(SocketAddress from)
    {
        if (_srtp is null)
        {
            Counters.DroppedBeforeKeys++;
            return false;
        }
        if (!IsValidated(from))
        {
            Counters.DroppedUnvalidatedSource++;
            return false;
        }
        return true;
    }

    private void FlushIce()
    {
        var ice = _controlling!;
        while (ice.TryPollTransmit(_scratch, out var length, out var to))
        {
            _transport.Send(_scratch.AsSpan(0, length), to.Serialize());
        }
    }

    private void FlushDtls()
    {
        var to = _remote ?? _dtlsPeer;
        while (_dtls.TryPollDatagram(_scratch, out var length))
        {
            if (to is not null)
            {
                _transport.Send(_scratch.AsSpan(0, length), to);
            }
        }
    }

    private void Validate(SocketAddress from)
    {
        if (IsValidated(from))
        {
            return;
        }
        if (_validated.Count == MaxValidatedAddresses)
        {
            _validated.RemoveAt(0);
        }
        var copy = new SocketAddress(from.Family, from.Size);
        from.Buffer.Span[..from.Size].CopyTo(copy.Buffer.Span);
        _validated.Add(copy);
        _transport.Bind(copy);
    }

    private bool IsValidated(SocketAddress from) => Find(from) is not null;

    private SocketAddress? Find(SocketAddress from)
    {
        foreach (var address in _validated)
        {
            if (address.Equals(from))
            {
                return address;
            }
        }
        return null;
    }

    private static IPEndPoint ToEndPoint(SocketAddress address) =>
        (IPEndPoint)(address.Family == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0)).Create(address);

    private void Fail(string reason) => End(PeerState.Failed, reason);

    private void End(PeerState state, string reason)
    {
        CloseReason = reason;
        SetState(state);
    }

    private void SetState(PeerState state)
    {
        if (State == state)
        {
            return;
        }
        State = state;
        _observer.OnStateChanged(this, state);
    }
}
