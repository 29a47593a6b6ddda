using Mcu.Srtp;
using Mcu.Dtls.Handshakes;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Records;

namespace Mcu.Dtls;

/// <summary>
/// A sans-IO DTLS 1.2 endpoint for DTLS-SRTP (RFC 6347, RFC 5764). The caller passes in datagrams and timeouts with
/// the current monotonic time, drains the datagrams to send after every call, and wakes it at <see cref="NextTimeout"/>.
/// It owns no socket, thread, timer or clock. Not thread-safe: one network loop owns it. Datagrams must come from the
/// ICE-validated address only.
/// </summary>
public sealed class DtlsEndpoint : IDisposable
{
    private readonly DtlsOptions _options;
    private readonly RecordLayer _records;
    private readonly HandshakeReassembler _reassembler;
    private readonly Handshake _handshake;
    private readonly EarlyRecordQueue _earlyRecords = new();
    private readonly byte[] _plaintext = new byte[DtlsRecord.MaxPlaintextLength];
    private RetransmitTimer _timer;
    private byte[]? _srtpKeyingMaterial;
    private bool _awaitingFingerprint;
    private bool _peerRepeatedFlight;
    private bool _nextEpochOpened;

    /// <summary>Creates an endpoint; a client speaks first at <see cref="Start"/>, a server answers the ClientHello.</summary>
    public DtlsEndpoint(DtlsRole role, DtlsCertificate certificate, DtlsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _options = options ?? new DtlsOptions();
        _options.Validate();
        Role = role;
        _records = new RecordLayer(_options.Mtu);
        _reassembler = new HandshakeReassembler(_options.MaxHandshakeMessageSize);
        ushort[] profiles = new ushort[_options.SrtpProfiles.Count];
        for (int i = 0; i < profiles.Length; i++)
        {
            profiles[i] = (ushort)_options.SrtpProfiles[i];
        }
        _handshake = role == DtlsRole.Client
            ? new ClientHandshake(certificate, _records, profiles)
            : new ServerHandshake(certificate, _records, profiles);
        _timer = new RetransmitTimer(_options.InitialRetransmitTimeout, _options.MaxRetransmitTimeout, _options.MaxRetransmissions);
    }

    /// <summary>Client (setup:active) or server (setup:passive).</summary>
    public DtlsRole Role { get; }

    /// <summary>Where the session stands; check it after every call.</summary>
    public DtlsState State { get; private set; }

    /// <summary>Why the endpoint is <see cref="DtlsState.Failed"/>, naming the alert sent or received; null otherwise.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Dropped and repeated input, by reason.</summary>
    public DtlsCounters Counters { get; } = new();

    /// <summary>When <see cref="HandleTimeout"/> must next be called; null when no timer runs.</summary>
    public TimeSpan? NextTimeout => State == DtlsState.Handshaking ? _timer.Deadline : null;

    /// <summary>The negotiated SRTP protection profile once connected, else <see cref="SrtpProfile.None"/>.</summary>
    public SrtpProfile SrtpProfile => _srtpKeyingMaterial is null ? SrtpProfile.None : (SrtpProfile)_handshake.SrtpProfileId;

    /// <summary>The negotiated cipher suite, e.g. 0xC02B, once the hellos are exchanged, else 0.</summary>
    public ushort CipherSuite => _handshake.Suite?.Id ?? 0;

    /// <summary>Whether the master secret is bound to the handshake transcript (RFC 7627); both sides must offer it.</summary>
    public bool UsesExtendedMasterSecret => _handshake.UsesExtendedMasterSecret;

    /// <summary>The fingerprint the peer's certificate must match, as set from the remote SDP.</summary>
    public DtlsFingerprint? RemoteFingerprint => _handshake.RemoteFingerprint;

    private bool IsOpen => State is DtlsState.Handshaking or DtlsState.Connected;

    /// <summary>
    /// Sets the remote SDP's a=fingerprint. It may come after the handshake began: a finished handshake waits for it
    /// in <see cref="DtlsState.Handshaking"/>, then connects or fails (drain datagrams afterwards: a failure queues an
    /// alert). False for an unsupported hash function or a value of the wrong length.
    /// </summary>
    public bool SetRemoteFingerprint(string algorithm, ReadOnlySpan<byte> value)
    {
        if (!DtlsFingerprint.TryCreate(algorithm, value, out DtlsFingerprint? fingerprint))
        {
            return false;
        }

        SetRemoteFingerprint(fingerprint);
        return true;
    }

    /// <inheritdoc cref="SetRemoteFingerprint(string, ReadOnlySpan{byte})"/>
    public void SetRemoteFingerprint(DtlsFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        _handshake.RemoteFingerprint = fingerprint;
        if (_awaitingFingerprint && State == DtlsState.Handshaking)
        {
            CompleteHandshake();
        }
        else if (State == DtlsState.Connected && !fingerprint.Matches(_handshake.PeerCertificate!.Der))
        {
            Fail(AlertDescription.BadCertificate, Handshake.DescribeFingerprintMismatch(_handshake.PeerCertificate.Der, fingerprint));
        }
    }

    /// <summary>Begins the handshake: a client queues its ClientHello, a server waits. Later calls do nothing.</summary>
    public void Start(TimeSpan now)
    {
        if (State != DtlsState.New)
        {
            return;
        }

        State = DtlsState.Handshaking;
        _handshake.Start();
        SendPendingFlight(now);
    }

    /// <summary>Processes one received datagram; malformed input is counted in <see cref="Counters"/>, never thrown.</summary>
    public void HandleDatagram(TimeSpan now, ReadOnlySpan<byte> datagram)
    {
        // A server may see the ClientHello before its owner called Start.
        if (State == DtlsState.New && Role == DtlsRole.Server)
        {
            Start(now);
        }

        if (!IsOpen)
        {
            Counters.IgnoredDatagrams++;
            return;
        }

        _peerRepeatedFlight = false;
        ReadOnlySpan<byte> remaining = datagram;
        while (!remaining.IsEmpty && IsOpen)
        {
            if (!DtlsRecord.TryRead(remaining, out DtlsRecord record, out int length))
            {
                // Records are framed only by their length fields: after a bad one nothing else can be trusted.
                Counters.MalformedRecords++;
                break;
            }

            remaining = remaining[length..];
            HandleRecord(now, record);
            ReplayEarlyRecords(now);
        }

        // RFC 6347 section 4.2.4: the peer repeating its last flight means our answer was lost; resend it once.
        if (_peerRepeatedFlight && IsOpen && _handshake.LastFlight is { } flight)
        {
            _records.SendFlight(flight);
            Counters.Retransmissions++;
        }
    }

    /// <summary>Retransmits the last flight if its timer expired, or fails once the retry limit is reached.</summary>
    public void HandleTimeout(TimeSpan now)
    {
        if (State != DtlsState.Handshaking || !_timer.IsDue(now))
        {
            return;
        }

        if (!_timer.TryBackOff(now))
        {
            Enter(DtlsState.Failed, $"handshake timed out: no answer after {_options.MaxRetransmissions} retransmissions");
            return;
        }

        _records.SendFlight(_handshake.LastFlight!);
        Counters.Retransmissions++;
    }

    /// <summary>Copies the next datagram to send into <paramref name="destination"/> (at least <see cref="DtlsOptions.Mtu"/> bytes).</summary>
    public bool TryPollDatagram(Span<byte> destination, out int length) => _records.TryPollDatagram(destination, out length);

    /// <summary>
    /// The DTLS-SRTP keying material: RFC 5705 exporter, label "EXTRACTOR-dtls_srtp", no context, 2 * (key + salt)
    /// bytes for <see cref="SrtpProfile"/> (RFC 5764 section 4.2). Available once connected.
    /// </summary>
    public byte[] GetSrtpKeyingMaterial() =>
        (byte[])(_srtpKeyingMaterial ?? throw new InvalidOperationException("SRTP keys exist only once the handshake completed.")).Clone();

    /// <summary>The keying material split into our and the peer's SRTP master keys and salts.</summary>
    public SrtpKeys GetSrtpKeys() => SrtpKeys.FromDtlsExport(SrtpProfile, GetSrtpKeyingMaterial(), Role == DtlsRole.Client);

    /// <summary>Sends close_notify if the session is open and ends it; a failed endpoint stays failed.</summary>
    public void Close()
    {
        if (IsOpen)
        {
            _records.SendAlert(AlertLevel.Warning, AlertDescription.CloseNotify);
        }

        if (State != DtlsState.Failed)
        {
            Enter(DtlsState.Closed, null);
        }
    }

    /// <summary>Releases the AES-GCM contexts.</summary>
    public void Dispose() => _records.Dispose();

    private void HandleRecord(TimeSpan now, in DtlsRecord record)
    {
        switch (_records.Open(record, _plaintext, out ReadOnlySpan<byte> plaintext))
        {
            case RecordStatus.Opened:
                break;
            case RecordStatus.NextEpoch:
                // Most likely the peer's Finished overtaking its ChangeCipherSpec: keep it for when the epoch opens.
                if (State != DtlsState.Handshaking || !_earlyRecords.TryAdd(record.Raw))
                {
                    Counters.UnexpectedEpochRecords++;
                }

                return;
            case RecordStatus.WrongEpoch:
                Counters.UnexpectedEpochRecords++;
                return;
            case RecordStatus.Replayed:
                Counters.ReplayedRecords++;
                return;
            case RecordStatus.Malformed:
                Counters.MalformedRecords++;
                return;
            default:
                Counters.UndecryptableRecords++;
                return;
        }

        switch (record.Type)
        {
            case ContentType.Handshake:
                HandleHandshakeRecord(now, plaintext);
                break;
            case ContentType.ChangeCipherSpec:
                HandleChangeCipherSpec(plaintext);
                break;
            case ContentType.Alert:
                HandleAlert(plaintext);
                break;
            case ContentType.ApplicationData:
                // No data channels run over this session.
                Counters.ApplicationDataRecords++;
                break;
            default:
                Counters.UnexpectedMessages++;
                break;
        }
    }

    private void HandleHandshakeRecord(TimeSpan now, ReadOnlySpan<byte> plaintext)
    {
        var reader = new TlsReader(plaintext);
        while (!reader.IsEmpty && IsOpen)
        {
            if (!HandshakeFragment.TryRead(ref reader, out HandshakeFragment fragment))
            {
                Counters.MalformedRecords++;
                return;
            }

            if (_handshake.IsComplete && fragment.Type == (Role == DtlsRole.Server ? HandshakeType.ClientHello : HandshakeType.HelloRequest))
            {
                RefuseRenegotiation(fragment.FragmentOffset);
                continue;
            }

            switch (_reassembler.Add(fragment))
            {
                case FragmentStatus.Accepted:
                    ProcessCompleteMessages(now);
                    break;
                case FragmentStatus.Old:
                    Counters.DuplicateHandshakeFragments++;
                    _peerRepeatedFlight |= fragment.MessageSequence == _handshake.PeerFlightEnd;
                    break;
                case FragmentStatus.Duplicate:
                    Counters.DuplicateHandshakeFragments++;
                    break;
                case FragmentStatus.TooLarge when State == DtlsState.Handshaking && !_handshake.IsComplete:
                    Fail(AlertDescription.DecodeError, $"a {fragment.Type} message of {fragment.MessageLength} bytes exceeds the limit of {_options.MaxHandshakeMessageSize}");
                    return;
                default:
                    Counters.DroppedHandshakeFragments++;
                    break;
            }
        }
    }

    private void ProcessCompleteMessages(TimeSpan now)
    {
        while (IsOpen && _reassembler.TryTakeNext(out HandshakeType type, out ushort sequence, out byte[] body))
        {
            if (_handshake.IsComplete)
            {
                Counters.UnexpectedMessages++;
            }
            else if (!_handshake.HandleMessage(type, sequence, body))
            {
                Fail(_handshake.Failure.Alert, _handshake.Failure.Reason);
            }
            else
            {
                SendPendingFlight(now);
                if (_handshake.IsComplete)
                {
                    CompleteHandshake();
                }
            }
        }
    }

    /// <summary>
    /// Declines a new handshake with a warning and keeps the session (RFC 5246 section 7.2.2). It bypasses the
    /// reassembler: a new handshake restarts message_seq at 0 (RFC 6347 section 4.2.2), which would look like a
    /// retransmission. One alert per copy of the hello's first fragment.
    /// </summary>
    private void RefuseRenegotiation(int fragmentOffset)
    {
        if (fragmentOffset == 0)
        {
            Counters.RenegotiationAttempts++;
            _records.SendAlert(AlertLevel.Warning, AlertDescription.NoRenegotiation);
        }
    }

    private void HandleChangeCipherSpec(ReadOnlySpan<byte> plaintext)
    {
        // RFC 5246 section 7.1: the message is the single byte 1.
        if (plaintext.Length != 1 || plaintext[0] != 1)
        {
            Counters.MalformedRecords++;
            return;
        }

        // Accepted only right after the peer's flight up to it was processed; an early one (its predecessors lost) is
        // dropped and comes back with the peer's retransmission.
        if (!_handshake.TryAcceptChangeCipherSpec())
        {
            Counters.UnexpectedMessages++;
            return;
        }

        _records.ActivateNextReadEpoch();
        _nextEpochOpened = true;
    }

    private void ReplayEarlyRecords(TimeSpan now)
    {
        if (!_nextEpochOpened)
        {
            return;
        }

        _nextEpochOpened = false;
        while (IsOpen && _earlyRecords.TryTake(out byte[] raw))
        {
            if (DtlsRecord.TryRead(raw, out DtlsRecord record, out _))
            {
                HandleRecord(now, record);
            }
        }
    }

    private void HandleAlert(ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.Length != 2 || plaintext[0] is not ((byte)AlertLevel.Warning or (byte)AlertLevel.Fatal))
        {
            Counters.MalformedRecords++;
            return;
        }

        var description = (AlertDescription)plaintext[1];
        if (description == AlertDescription.CloseNotify)
        {
            // RFC 5246 section 7.2.1: answer with our own close_notify.
            _records.SendAlert(AlertLevel.Warning, AlertDescription.CloseNotify);
            if (State == DtlsState.Connected)
            {
                Enter(DtlsState.Closed, null);
            }
            else
            {
                Enter(DtlsState.Failed, "the peer closed the connection (close_notify) before the handshake completed");
            }

            return;
        }

        if (plaintext[0] == (byte)AlertLevel.Fatal)
        {
            Enter(DtlsState.Failed, $"the peer sent fatal alert {description.GetName()} ({(byte)description})");
            return;
        }

        Counters.WarningAlerts++;
    }

    private void SendPendingFlight(TimeSpan now)
    {
        if (!_handshake.TryTakeFlightToSend(out Flight? flight))
        {
            return;
        }

        _records.SendFlight(flight);
        if (_handshake.AwaitsReply)
        {
            _timer.Start(now);
        }
        else
        {
            _timer.Stop();
        }
    }

    private void CompleteHandshake()
    {
        _timer.Stop();
        DtlsFingerprint? expected = _handshake.RemoteFingerprint;
        byte[] certificate = _handshake.PeerCertificate!.Der;
        if (expected is null)
        {
            // The SDP carrying the fingerprint has not arrived: stay handshaking until SetRemoteFingerprint.
            _awaitingFingerprint = true;
            return;
        }

        _awaitingFingerprint = false;
        if (!expected.Matches(certificate))
        {
            Fail(AlertDescription.BadCertificate, Handshake.DescribeFingerprintMismatch(certificate, expected));
            return;
        }

        byte[] keyingMaterial = new byte[SrtpKeys.GetExportLength((SrtpProfile)_handshake.SrtpProfileId)];
        _handshake.Secrets!.Export("EXTRACTOR-dtls_srtp"u8, keyingMaterial);
        _srtpKeyingMaterial = keyingMaterial;
        State = DtlsState.Connected;
    }

    private void Fail(AlertDescription alert, string reason)
    {
        _records.SendAlert(AlertLevel.Fatal, alert);
        Enter(DtlsState.Failed, $"{reason} (sent {alert.GetName()})");
    }

    private void Enter(DtlsState state, string? failureReason)
    {
        State = state;
        FailureReason = failureReason;
        _timer.Stop();
        _earlyRecords.Clear();
    }
}
