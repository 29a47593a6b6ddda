using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mcu.Stun.Ice;

/// <summary>
/// The ICE-lite side of one peer session (RFC 8445 sections 2.5 and 7.3 as a lite,
/// always-controlled agent; consent per RFC 7675). It sends no checks: it answers the
/// peer's authenticated Binding requests and follows its nomination. Sans-IO: time comes in
/// as <c>now</c>, responses go out through the caller's buffer.
/// </summary>
/// <remarks>
/// Any source address with valid credentials is accepted (a peer-reflexive pair): browsers
/// may check from an address they never signalled. Media goes to the address of the latest
/// check carrying USE-CANDIDATE; a later nominated check from a new address switches to it
/// (network change). Until the first nomination there is no selected address.
/// </remarks>
public sealed class IceLiteAgent
{
    /// <summary>The smallest response buffer <see cref="HandleRequest(TimeSpan, ReadOnlySpan{byte}, IPEndPoint, Span{byte}, out int)"/> accepts.</summary>
    public const int MaxResponseLength = IceMessages.MaxResponseLength;

    private static readonly IPEndPoint IPv4Template = new(IPAddress.Any, 0);
    private static readonly IPEndPoint IPv6Template = new(IPAddress.IPv6Any, 0);

    private readonly IceLiteOptions _options;
    private readonly TimeSpan _connectDeadline;
    private byte[] _remoteUfrag = [];
    private SocketAddress? _validatedAddress;
    private TimeSpan _lastConsent;

    /// <summary>
    /// Creates the agent at <paramref name="now"/>; <paramref name="remoteUfrag"/> may be null
    /// until the peer's description arrives (the sender half of USERNAME is then not checked).
    /// </summary>
    public IceLiteAgent(IceCredentials localCredentials, string? remoteUfrag, TimeSpan now, IceLiteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(localCredentials);
        LocalCredentials = localCredentials;
        _options = options ?? IceLiteOptions.Default;
        _connectDeadline = now + _options.ConnectTimeout;
        if (remoteUfrag is not null)
        {
            SetRemoteUfrag(remoteUfrag);
        }
    }

    /// <summary>Our ufrag and password, as signalled in our description.</summary>
    public IceCredentials LocalCredentials { get; }

    /// <summary>The peer's ufrag once known.</summary>
    public string? RemoteUfrag { get; private set; }

    /// <summary>Where the agent stands; <see cref="IceState.Failed"/> is terminal.</summary>
    public IceState State { get; private set; }

    /// <summary>Why the agent failed.</summary>
    public IceFailureReason FailureReason { get; private set; }

    /// <summary>Where media goes: the source of the latest nominated check; null before nomination and after failure.</summary>
    public IPEndPoint? SelectedRemote { get; private set; }

    /// <summary><see cref="SelectedRemote"/> serialized once, for allocation-free <c>Socket.SendTo</c> and source comparison.</summary>
    public SocketAddress? SelectedRemoteAddress { get; private set; }

    /// <summary>The source of the latest valid check, nominated or not (e.g. to answer a DTLS ClientHello that beats the nomination).</summary>
    public IPEndPoint? LastValidatedRemote { get; private set; }

    /// <summary>What the agent answered, dropped and selected.</summary>
    public IceCounters Counters { get; } = new();

    /// <summary>When <see cref="HandleTimeout"/> is next due; <see cref="TimeSpan.MaxValue"/> once failed.</summary>
    public TimeSpan NextTimeout => State switch
    {
        IceState.Failed => TimeSpan.MaxValue,
        IceState.Connected => _lastConsent + _options.ConsentTimeout,
        _ => _connectDeadline,
    };

    /// <summary>Sets the peer's ufrag when its description arrives after the agent was created.</summary>
    public void SetRemoteUfrag(string remoteUfrag)
    {
        ArgumentNullException.ThrowIfNull(remoteUfrag);
        if (!IceCredentials.IsValidUfrag(remoteUfrag))
        {
            ThrowHelper.ThrowInvalidCredential(nameof(remoteUfrag), "An ICE ufrag is 4-256 ice-chars (RFC 8839 section 5.4).");
        }
        RemoteUfrag = remoteUfrag;
        _remoteUfrag = Encoding.ASCII.GetBytes(remoteUfrag);
    }

    /// <summary>Fails the agent when nomination or consent is overdue.</summary>
    public void HandleTimeout(TimeSpan now)
    {
        if (State == IceState.Failed)
        {
            return;
        }
        if (State == IceState.Connected)
        {
            // RFC 7675 section 5.1: without fresh consent the session must stop sending.
            if (now >= _lastConsent + _options.ConsentTimeout)
            {
                Fail(IceFailureReason.ConsentExpired);
            }
        }
        else if (now >= _connectDeadline)
        {
            Fail(IceFailureReason.ConnectTimeout);
        }
    }

    /// <summary>
    /// Handles one STUN datagram from <paramref name="from"/> (the transport's reusable
    /// address: it is copied, never kept). When a response is due it is written to
    /// <paramref name="response"/> (at least <see cref="MaxResponseLength"/> bytes) and
    /// <paramref name="responseLength"/> is non-zero; send it back to <paramref name="from"/>.
    /// </summary>
    public IceResult HandleRequest(TimeSpan now, ReadOnlySpan<byte> datagram, SocketAddress from, Span<byte> response, out int responseLength)
    {
        ArgumentNullException.ThrowIfNull(from);
        return Handle(now, datagram, from, null, response, out responseLength);
    }

    /// <summary>As the <see cref="SocketAddress"/> overload, for callers that hold an <see cref="IPEndPoint"/>.</summary>
    public IceResult HandleRequest(TimeSpan now, ReadOnlySpan<byte> datagram, IPEndPoint from, Span<byte> response, out int responseLength)
    {
        ArgumentNullException.ThrowIfNull(from);
        return Handle(now, datagram, null, from, response, out responseLength);
    }

    private IceResult Handle(TimeSpan now, ReadOnlySpan<byte> datagram, SocketAddress? fromAddress, IPEndPoint? fromEndPoint, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        if (response.Length < MaxResponseLength)
        {
            ThrowHelper.ThrowBufferTooSmall(nameof(response), MaxResponseLength, response.Length);
        }
        HandleTimeout(now);
        if (State == IceState.Failed)
        {
            return Counters.Count(IceResult.Ignored);
        }
        if (!StunMessageReader.TryParse(datagram, out var request))
        {
            return Counters.Count(IceResult.Malformed);
        }
        var verdict = IceRequestValidator.Validate(request, LocalCredentials, _remoteUfrag);
        if (verdict != IceResult.Answered)
        {
            return Counters.Count(verdict);
        }

        if (request.UnknownComprehensionRequiredCount > 0)
        {
            Span<ushort> unknown = stackalloc ushort[IceMessages.MaxReportedUnknownAttributes];
            var count = request.GetUnknownComprehensionRequired(unknown);
            responseLength = IceMessages.WriteErrorResponse(response, request.TransactionId, StunErrorCodes.UnknownAttribute, unknown[..count], LocalCredentials.Key);
            return Counters.Count(IceResult.UnknownAttributes);
        }

        // RFC 8445 sections 6.1.1 and 7.3.1.1: a lite agent is always controlled, so a peer that
        // also claims the controlled role gets 487 and must switch to controlling; the lite
        // agent never switches, whatever the tie-breakers.
        if (request.TryGetIceControlled(out _))
        {
            responseLength = IceMessages.WriteErrorResponse(response, request.TransactionId, StunErrorCodes.RoleConflict, [], LocalCredentials.Key);
            return Counters.Count(IceResult.RoleConflict);
        }

        var source = ResolveSource(fromAddress, fromEndPoint);
        if (source is null)
        {
            return Counters.Count(IceResult.Ignored);
        }
        responseLength = IceMessages.WriteSuccessResponse(response, request.TransactionId, source, LocalCredentials.Key);
        Counters.Answered++;
        return Accept(now, source, request.HasUseCandidate);
    }

    private IceResult Accept(TimeSpan now, IPEndPoint source, bool nominated)
    {
        if (!ReferenceEquals(source, LastValidatedRemote))
        {
            LastValidatedRemote = source;
            _validatedAddress = source.Serialize();
        }
        if (ReferenceEquals(source, SelectedRemote))
        {
            _lastConsent = now;
            return IceResult.Answered;
        }
        if (!nominated)
        {
            if (State == IceState.New)
            {
                State = IceState.Checking;
            }
            return IceResult.Answered;
        }
        SelectedRemote = source;
        SelectedRemoteAddress = _validatedAddress;
        Counters.Selections++;
        _lastConsent = now;
        State = IceState.Connected;
        return IceResult.Selected;
    }

    // The known endpoint instance when the source is one we have seen, so that steady-state
    // consent checks allocate nothing; otherwise a private copy.
    private IPEndPoint? ResolveSource(SocketAddress? fromAddress, IPEndPoint? fromEndPoint)
    {
        if (fromEndPoint is not null)
        {
            if (fromEndPoint.Equals(SelectedRemote))
            {
                return SelectedRemote;
            }
            if (fromEndPoint.Equals(LastValidatedRemote))
            {
                return LastValidatedRemote;
            }
            return fromEndPoint.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
                ? new IPEndPoint(fromEndPoint.Address, fromEndPoint.Port)
                : null;
        }

        if (fromAddress!.Equals(SelectedRemoteAddress))
        {
            return SelectedRemote;
        }
        if (fromAddress.Equals(_validatedAddress))
        {
            return LastValidatedRemote;
        }
        return fromAddress.Family switch
        {
            AddressFamily.InterNetwork => (IPEndPoint)IPv4Template.Create(fromAddress),
            AddressFamily.InterNetworkV6 => (IPEndPoint)IPv6Template.Create(fromAddress),
            _ => null,
        };
    }

    private void Fail(IceFailureReason reason)
    {
        State = IceState.Failed;
        FailureReason = reason;
        SelectedRemote = null;
        SelectedRemoteAddress = null;
    }
}
