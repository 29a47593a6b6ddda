using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Mcu.Stun.Ice;

/// <summary>
/// A full ICE agent in the controlling role (RFC 8445) with one local candidate and one
/// component: the client side used by the project's tests, bot and load tools. It checks
/// every remote candidate with paced, retransmitted Binding requests, nominates aggressively
/// (USE-CANDIDATE on every check, which a lite peer accepts), selects the first pair that
/// succeeds and then keeps consent (RFC 7675). It also answers a full peer's checks and
/// resolves role conflicts (RFC 8445 section 7.3.1.1), yielding the controlling role when it
/// loses the tie-break. Sans-IO: drain <see cref="TryPollTransmit"/> after every call.
/// </summary>
public sealed class IceControllingAgent
{
    /// <summary>The smallest buffer <see cref="TryPollTransmit"/> accepts.</summary>
    public const int MaxDatagramLength = IceMessages.MaxRequestLength;

    private readonly IceCredentials _local;
    private readonly IceCredentials _remote;
    private readonly IceControllingOptions _options;
    private readonly Random _random;
    private readonly byte[] _username;
    private readonly uint _localPriority;
    private readonly uint _requestPriority;
    private readonly List<CandidatePair> _pairs = [];
    private readonly Queue<CandidatePair> _triggered = new();
    private readonly Queue<PendingTransmit> _transmits = new();
    private readonly List<ConsentCheck> _consentChecks = [];
    private CandidatePair? _selected;
    private bool _started;
    private bool _endOfCandidates;
    private TimeSpan _connectDeadline;
    private TimeSpan _nextCheck;
    private TimeSpan _nextConsent;
    private TimeSpan _lastConsentResponse;

    /// <summary>
    /// Creates the agent. <paramref name="random"/> only jitters the consent interval (tests
    /// pass a seeded one); transaction ids and the tie-breaker always come from
    /// <see cref="RandomNumberGenerator"/>.
    /// </summary>
    public IceControllingAgent(IceCredentials localCredentials, IceCredentials remoteCredentials, IceControllingOptions? options = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(localCredentials);
        ArgumentNullException.ThrowIfNull(remoteCredentials);
        _local = localCredentials;
        _remote = remoteCredentials;
        _options = options ?? IceControllingOptions.Default;
        if (_options.MaxTransmissions < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(options), _options.MaxTransmissions, "MaxTransmissions must be at least 1.");
        }
        _random = random ?? Random.Shared;

        // RFC 8445 section 7.2.2: USERNAME is "remote ufrag:local ufrag".
        _username = Encoding.ASCII.GetBytes($"{remoteCredentials.Ufrag}:{localCredentials.Ufrag}");
        _localPriority = IceCandidate.ComputePriority(IceCandidateType.Host, _options.LocalPreference, IceCandidate.RtpComponent);

        // RFC 8445 section 7.1.1: PRIORITY carries the priority we would give a peer-reflexive
        // candidate learned from this check.
        _requestPriority = IceCandidate.ComputePriority(IceCandidateType.PeerReflexive, _options.LocalPreference, IceCandidate.RtpComponent);

        Span<byte> tieBreaker = stackalloc byte[8];
        RandomNumberGenerator.Fill(tieBreaker);
        TieBreaker = BinaryPrimitives.ReadUInt64BigEndian(tieBreaker);
    }

    /// <summary>Our current role: controlling unless a full peer won the tie-break.</summary>
    public IceRole Role { get; private set; } = IceRole.Controlling;

    /// <summary>The random 64-bit tie-breaker sent in ICE-CONTROLLING/ICE-CONTROLLED.</summary>
    public ulong TieBreaker { get; }

    /// <summary>Where the agent stands; <see cref="IceState.Failed"/> is terminal.</summary>
    public IceState State { get; private set; }

    /// <summary>Why the agent failed.</summary>
    public IceFailureReason FailureReason { get; private set; }

    /// <summary>The remote address of the selected pair; null until selection and after failure.</summary>
    public IPEndPoint? SelectedRemote => State == IceState.Connected ? _selected?.Remote : null;

    /// <summary>How the peer sees us: XOR-MAPPED-ADDRESS of the selected pair's response.</summary>
    public IPEndPoint? MappedAddress => State == IceState.Connected ? _selected?.MappedAddress : null;

    /// <summary>What the agent sent, answered, accepted and dropped.</summary>
    public IceCounters Counters { get; } = new();

    /// <summary>When <see cref="HandleTimeout"/> is next due; <see cref="TimeSpan.MaxValue"/> before start and once failed.</summary>
    public TimeSpan NextTimeout
    {
        get
        {
            if (!_started || State == IceState.Failed)
            {
                return TimeSpan.MaxValue;
            }
            var next = State == IceState.Connected
                ? Min(_nextConsent, _lastConsentResponse + _options.ConsentTimeout)
                : _connectDeadline;
            foreach (var pair in _pairs)
            {
                if (pair.State == CandidatePairState.InProgress)
                {
                    next = Min(next, pair.NextTransmission);
                }
            }
            return HasCheckToStart() ? Min(next, _nextCheck) : next;
        }
    }

    /// <summary>
    /// Adds a remote candidate (from the answer or by trickle). Only UDP candidates of
    /// component 1 with a port are paired; duplicates are ignored. False when not added.
    /// </summary>
    public bool AddRemoteCandidate(IceCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (State == IceState.Failed
            || candidate.Protocol != IceTransportProtocol.Udp
            || candidate.Component != IceCandidate.RtpComponent
            || candidate.EndPoint.Port == 0
            || FindPair(candidate.EndPoint) is not null)
        {
            return false;
        }
        AddPair(new IPEndPoint(candidate.EndPoint.Address, candidate.EndPoint.Port), candidate.Priority);
        return true;
    }

    /// <summary>No more remote candidates will come: the agent may now fail as soon as every pair has failed.</summary>
    public void EndOfRemoteCandidates() => _endOfCandidates = true;

    /// <summary>Starts checking; the first check is due at <paramref name="now"/>.</summary>
    public void Start(TimeSpan now)
    {
        if (_started)
        {
            return;
        }
        _started = true;
        State = IceState.Checking;
        _connectDeadline = now + _options.ConnectTimeout;
        _nextCheck = now;
    }

    /// <summary>Sends due checks, retransmissions and consent checks, and fails the agent when a deadline passed.</summary>
    public void HandleTimeout(TimeSpan now)
    {
        if (!_started || State == IceState.Failed)
        {
            return;
        }
        if (State == IceState.Connected)
        {
            if (now >= _lastConsentResponse + _options.ConsentTimeout)
            {
                Fail(IceFailureReason.ConsentExpired);
                return;
            }
            if (now >= _nextConsent)
            {
                SendConsentCheck(now);
            }
        }
        else if (now >= _connectDeadline)
        {
            Fail(IceFailureReason.ConnectTimeout);
            return;
        }

        Retransmit(now);
        if (now >= _nextCheck && TryTakeNextCheck(out var pair))
        {
            StartCheck(pair, now);
            _nextCheck = now + _options.Ta;
        }
        FailIfAllPairsFailed();
    }

    /// <summary>
    /// Handles one STUN datagram from <paramref name="from"/>: responses to our checks and the
    /// peer's own requests (whose responses are queued for <see cref="TryPollTransmit"/>).
    /// </summary>
    public IceResult HandleDatagram(TimeSpan now, ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (State == IceState.Failed)
        {
            return Counters.Count(IceResult.Ignored);
        }
        if (!StunMessageReader.TryParse(datagram, out var message))
        {
            return Counters.Count(IceResult.Malformed);
        }
        if (message.Method != StunMethod.Binding)
        {
            return Counters.Count(IceResult.Ignored);
        }
        return message.MessageClass switch
        {
            StunMessageClass.Request => HandleRequest(now, message, from),
            StunMessageClass.SuccessResponse or StunMessageClass.ErrorResponse => HandleResponse(now, message, from),
            _ => Counters.Count(IceResult.Ignored),
        };
    }

    /// <summary>
    /// Takes the next datagram to send: it is written to <paramref name="buffer"/> (at least
    /// <see cref="MaxDatagramLength"/> bytes) and goes to <paramref name="to"/>. False when none is queued.
    /// </summary>
    public bool TryPollTransmit(Span<byte> buffer, out int length, [NotNullWhen(true)] out IPEndPoint? to)
    {
        if (buffer.Length < MaxDatagramLength)
        {
            ThrowHelper.ThrowBufferTooSmall(nameof(buffer), MaxDatagramLength, buffer.Length);
        }
        if (!_transmits.TryDequeue(out var transmit))
        {
            length = 0;
            to = null;
            return false;
        }
        to = transmit.To;
        if (transmit.Response is null)
        {
            length = IceMessages.WriteRequest(buffer, transmit.Request);
            Counters.ChecksSent++;
        }
        else
        {
            transmit.Response.AsSpan(0, transmit.ResponseLength).CopyTo(buffer);
            length = transmit.ResponseLength;
            ArrayPool<byte>.Shared.Return(transmit.Response);
        }
        return true;
    }

    private IceResult HandleResponse(TimeSpan now, in StunMessageReader response, IPEndPoint from)
    {
        var id = response.TransactionId;
        var pair = FindInProgress(id);
        var consentIndex = pair is null ? FindConsentCheck(id) : -1;
        if (pair is null && consentIndex < 0)
        {
            return Counters.Count(IceResult.Ignored);
        }
        if (response.HasFingerprint && !response.VerifyFingerprint())
        {
            return Counters.Count(IceResult.BadFingerprint);
        }
        if (!response.VerifyMessageIntegrity(_remote.Key))
        {
            return Counters.Count(IceResult.BadIntegrity);
        }

        if (pair is null)
        {
            _consentChecks.RemoveAt(consentIndex);
            if (response.MessageClass != StunMessageClass.SuccessResponse || _selected is null || !from.Equals(_selected.Remote))
            {
                return Counters.Count(IceResult.Rejected);
            }
            _lastConsentResponse = now;
            return Counters.Count(IceResult.ResponseAccepted);
        }

        // RFC 8445 section 7.2.5.2.1: a response from elsewhere than where the check went fails it.
        if (!from.Equals(pair.Remote))
        {
            pair.State = CandidatePairState.Failed;
            FailIfAllPairsFailed();
            return Counters.Count(IceResult.Rejected);
        }

        if (response.MessageClass == StunMessageClass.ErrorResponse)
        {
            if (response.TryGetErrorCode(out var code, out _) && code == StunErrorCodes.RoleConflict)
            {
                // RFC 8445 section 7.2.5.1: take the role opposite to the one the request
                // claimed (unless already done) and check the pair again.
                if (pair.Request.Role == Role)
                {
                    SetRole(Role == IceRole.Controlling ? IceRole.Controlled : IceRole.Controlling);
                }
                pair.State = CandidatePairState.Waiting;
                Trigger(pair);
                return Counters.Count(IceResult.RoleConflict);
            }
            pair.State = CandidatePairState.Failed;
            FailIfAllPairsFailed();
            return Counters.Count(IceResult.Rejected);
        }

        pair.State = CandidatePairState.Succeeded;
        pair.MappedAddress = response.TryGetXorMappedAddress(out var mapped) ? mapped : null;
        if (_selected is null)
        {
            var nominated = Role == IceRole.Controlling ? pair.Request.UseCandidate : pair.NominatedByPeer;
            if (nominated)
            {
                Counters.ResponsesAccepted++;
                Select(pair, now);
                return IceResult.Selected;
            }
            if (Role == IceRole.Controlling)
            {
                // Checked while we were controlled: check again, now nominating.
                Trigger(pair);
            }
        }
        else if (pair == _selected)
        {
            _lastConsentResponse = now;
        }
        return Counters.Count(IceResult.ResponseAccepted);
    }

    private IceResult HandleRequest(TimeSpan now, in StunMessageReader request, IPEndPoint from)
    {
        var verdict = IceRequestValidator.Validate(request, _local, _remote.UfragBytes);
        if (verdict != IceResult.Answered)
        {
            return Counters.Count(verdict);
        }
        if (request.UnknownComprehensionRequiredCount > 0)
        {
            Span<ushort> unknown = stackalloc ushort[IceMessages.MaxReportedUnknownAttributes];
            var count = request.GetUnknownComprehensionRequired(unknown);
            QueueErrorResponse(from, request.TransactionId, StunErrorCodes.UnknownAttribute, unknown[..count]);
            return Counters.Count(IceResult.UnknownAttributes);
        }

        // RFC 8445 section 7.3.1.1: the larger tie-breaker takes (or keeps) the controlling role.
        if (Role == IceRole.Controlling && request.TryGetIceControlling(out var theirs))
        {
            if (TieBreaker >= theirs)
            {
                QueueErrorResponse(from, request.TransactionId, StunErrorCodes.RoleConflict, []);
                return Counters.Count(IceResult.RoleConflict);
            }
            Counters.RoleConflicts++;
            SetRole(IceRole.Controlled);
        }
        else if (Role == IceRole.Controlled && request.TryGetIceControlled(out theirs))
        {
            if (TieBreaker < theirs)
            {
                QueueErrorResponse(from, request.TransactionId, StunErrorCodes.RoleConflict, []);
                return Counters.Count(IceResult.RoleConflict);
            }
            Counters.RoleConflicts++;
            SetRole(IceRole.Controlling);
        }

        var pair = FindPair(from);
        if (pair is null)
        {
            // RFC 8445 section 7.3.1.3: an unknown source is a peer-reflexive candidate with
            // the priority from the request.
            request.TryGetPriority(out var priority);
            pair = AddPair(new IPEndPoint(from.Address, from.Port), priority);
        }
        var rented = ArrayPool<byte>.Shared.Rent(IceMessages.MaxResponseLength);
        var length = IceMessages.WriteSuccessResponse(rented, request.TransactionId, pair.Remote, _local.Key);
        _transmits.Enqueue(new PendingTransmit(pair.Remote, default, rented, length));
        Counters.Answered++;

        if (_selected is not null)
        {
            return IceResult.Answered;
        }
        if (Role == IceRole.Controlled && request.HasUseCandidate)
        {
            // RFC 8445 section 7.3.1.5: a nominated pair is selected once its own check succeeded.
            pair.NominatedByPeer = true;
            if (pair.State == CandidatePairState.Succeeded)
            {
                Select(pair, now);
                return IceResult.Selected;
            }
        }
        if (pair.State is CandidatePairState.Waiting or CandidatePairState.Failed)
        {
            // RFC 8445 section 7.3.1.4: a triggered check on the pair the request came over.
            pair.State = CandidatePairState.Waiting;
            Trigger(pair);
        }
        return IceResult.Answered;
    }

    private void QueueErrorResponse(IPEndPoint to, StunTransactionId transactionId, int code, ReadOnlySpan<ushort> unknown)
    {
        var rented = ArrayPool<byte>.Shared.Rent(IceMessages.MaxResponseLength);
        var length = IceMessages.WriteErrorResponse(rented, transactionId, code, unknown, _local.Key);
        _transmits.Enqueue(new PendingTransmit(new IPEndPoint(to.Address, to.Port), default, rented, length));
    }

    private CandidatePair AddPair(IPEndPoint remote, uint remotePriority)
    {
        var pair = new CandidatePair(remote, remotePriority);
        pair.Priority = ComputePairPriority(pair);
        _pairs.Add(pair);
        return pair;
    }

    private ulong ComputePairPriority(CandidatePair pair) => Role == IceRole.Controlling
        ? CandidatePair.ComputePriority(_localPriority, pair.RemotePriority)
        : CandidatePair.ComputePriority(pair.RemotePriority, _localPriority);

    private void SetRole(IceRole role)
    {
        Role = role;
        foreach (var pair in _pairs)
        {
            pair.Priority = ComputePairPriority(pair);
        }
    }

    private void Trigger(CandidatePair pair)
    {
        if (!pair.Triggered)
        {
            pair.Triggered = true;
            _triggered.Enqueue(pair);
        }
    }

    // Triggered checks first (RFC 8445 section 6.1.4.2), then, while nothing is selected, the
    // highest-priority Waiting pair.
    private bool TryTakeNextCheck([NotNullWhen(true)] out CandidatePair? next)
    {
        while (_triggered.TryDequeue(out next))
        {
            next.Triggered = false;
            if (next.State != CandidatePairState.InProgress)
            {
                return true;
            }
        }
        next = null;
        if (State != IceState.Checking)
        {
            return false;
        }
        foreach (var pair in _pairs)
        {
            if (pair.State == CandidatePairState.Waiting && (next is null || pair.Priority > next.Priority))
            {
                next = pair;
            }
        }
        return next is not null;
    }

    private bool HasCheckToStart()
    {
        if (_triggered.Count > 0)
        {
            return true;
        }
        if (State == IceState.Checking)
        {
            foreach (var pair in _pairs)
            {
                if (pair.State == CandidatePairState.Waiting)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private void StartCheck(CandidatePair pair, TimeSpan now)
    {
        // Aggressive nomination: while controlling, every check nominates.
        pair.Request = new CheckRequest(StunTransactionId.CreateRandom(), _username, _requestPriority, Role, TieBreaker, Role == IceRole.Controlling, _remote.Key);
        pair.State = CandidatePairState.InProgress;
        pair.Transmissions = 1;
        pair.NextTransmission = now + RetransmissionWait(1);
        _transmits.Enqueue(new PendingTransmit(pair.Remote, pair.Request, null, 0));
    }

    private void Retransmit(TimeSpan now)
    {
        foreach (var pair in _pairs)
        {
            if (pair.State != CandidatePairState.InProgress || now < pair.NextTransmission)
            {
                continue;
            }
            if (pair.Transmissions >= _options.MaxTransmissions)
            {
                pair.State = CandidatePairState.Failed;
                continue;
            }
            pair.Transmissions++;
            pair.NextTransmission = now + RetransmissionWait(pair.Transmissions);
            _transmits.Enqueue(new PendingTransmit(pair.Remote, pair.Request, null, 0));
        }
    }

    // RFC 8489 section 6.2.1: the wait doubles after each transmission; after the last one
    // it is Rm times the initial RTO.
    private TimeSpan RetransmissionWait(int transmissions) => transmissions >= _options.MaxTransmissions
        ? _options.InitialRto * _options.LastResponseWaitFactor
        : _options.InitialRto * (1 << Math.Min(transmissions - 1, 16));

    private void SendConsentCheck(TimeSpan now)
    {
        // RFC 7675 section 5.1: a fresh transaction per check, no retransmission; any response
        // within the consent timeout refreshes consent. While controlling, the check keeps
        // nominating the selected pair, so that a lite peer follows a NAT rebinding.
        for (var i = _consentChecks.Count - 1; i >= 0; i--)
        {
            if (now - _consentChecks[i].SentAt >= _options.ConsentTimeout)
            {
                _consentChecks.RemoveAt(i);
            }
        }
        var request = new CheckRequest(StunTransactionId.CreateRandom(), _username, _requestPriority, Role, TieBreaker, Role == IceRole.Controlling, _remote.Key);
        _consentChecks.Add(new ConsentCheck(request.TransactionId, now));
        _transmits.Enqueue(new PendingTransmit(_selected!.Remote, request, null, 0));
        _nextConsent = now + NextConsentInterval();
    }

    private TimeSpan NextConsentInterval() => _options.ConsentInterval * (0.8 + (0.4 * _random.NextDouble()));

    private void Select(CandidatePair pair, TimeSpan now)
    {
        _selected = pair;
        Counters.Selections++;
        State = IceState.Connected;
        _lastConsentResponse = now;
        _nextConsent = now + NextConsentInterval();

        // The other checks are no longer needed; their late responses are simply unmatched.
        foreach (var other in _pairs)
        {
            if (other != pair && other.State == CandidatePairState.InProgress)
            {
                other.State = CandidatePairState.Waiting;
            }
        }
    }

    private void FailIfAllPairsFailed()
    {
        if (State != IceState.Checking || !_endOfCandidates || _pairs.Count == 0 || _triggered.Count > 0)
        {
            return;
        }
        foreach (var pair in _pairs)
        {
            if (pair.State != CandidatePairState.Failed)
            {
                return;
            }
        }
        Fail(IceFailureReason.ChecksFailed);
    }

    private void Fail(IceFailureReason reason)
    {
        State = IceState.Failed;
        FailureReason = reason;

        // RFC 7675 section 5.1: once consent is lost nothing more may be sent.
        while (_transmits.TryDequeue(out var transmit))
        {
            if (transmit.Response is not null)
            {
                ArrayPool<byte>.Shared.Return(transmit.Response);
            }
        }
    }

    private CandidatePair? FindPair(IPEndPoint remote)
    {
        foreach (var pair in _pairs)
        {
            if (pair.Remote.Equals(remote))
            {
                return pair;
            }
        }
        return null;
    }

    private CandidatePair? FindInProgress(StunTransactionId transactionId)
    {
        foreach (var pair in _pairs)
        {
            if (pair.State == CandidatePairState.InProgress && pair.Request.TransactionId == transactionId)
            {
                return pair;
            }
        }
        return null;
    }

    private int FindConsentCheck(StunTransactionId transactionId)
    {
        for (var i = 0; i < _consentChecks.Count; i++)
        {
            if (_consentChecks[i].TransactionId == transactionId)
            {
                return i;
            }
        }
        return -1;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private readonly record struct PendingTransmit(IPEndPoint To, CheckRequest Request, byte[]? Response, int ResponseLength);

    private readonly record struct ConsentCheck(StunTransactionId TransactionId, TimeSpan SentAt);
}
