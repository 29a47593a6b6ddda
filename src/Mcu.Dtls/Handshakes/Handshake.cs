using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Mcu.Dtls.Crypto;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Records;

namespace Mcu.Dtls.Handshakes;

/// <summary>
/// What the client and server handshakes share: message numbering, the transcript, the peer certificate and the
/// key schedule. Messages arrive whole and in order; the endpoint owns records, timers and alerts.
/// </summary>
internal abstract class Handshake
{
    private const int MaxHashLength = 48;

    private ushort _nextSendSequence;
    private Flight? _flightToSend;

    protected Handshake(DtlsCertificate certificate, RecordLayer records, ushort[] srtpProfiles)
    {
        LocalCertificate = certificate;
        Records = records;
        SrtpProfiles = srtpProfiles;
    }

    /// <summary>The fingerprint the remote SDP promised; null until signaling delivers it.</summary>
    public DtlsFingerprint? RemoteFingerprint { get; set; }

    public bool IsComplete { get; protected set; }

    public HandshakeFailure Failure { get; private set; }

    /// <summary>Our most recent flight, sent again on timeout or when the peer repeats its own.</summary>
    public Flight? LastFlight { get; private set; }

    /// <summary>Whether <see cref="LastFlight"/> expects an answer, so its timer runs (the server's final flight does not).</summary>
    public bool AwaitsReply { get; private set; }

    /// <summary>
    /// message_seq of the last message of the peer flight that <see cref="LastFlight"/> answers, or -1. Receiving it
    /// again means our answer was lost (RFC 6347 section 4.2.4).
    /// </summary>
    public int PeerFlightEnd { get; protected set; } = -1;

    public ushort SrtpProfileId { get; protected set; }

    public bool UsesExtendedMasterSecret { get; protected set; }

    public CipherSuite? Suite { get; protected set; }

    public PeerCertificate? PeerCertificate { get; private set; }

    public SessionSecrets? Secrets { get; private set; }

    protected DtlsCertificate LocalCertificate { get; }

    protected RecordLayer Records { get; }

    /// <summary>SRTP profiles we offer or accept, most preferred first.</summary>
    protected ushort[] SrtpProfiles { get; }

    protected HandshakeTranscript Transcript { get; } = new();

    public abstract void Start();

    /// <summary>Handles the next whole message; false with <see cref="Failure"/> set if the handshake must end.</summary>
    public abstract bool HandleMessage(HandshakeType type, ushort sequence, byte[] body);

    /// <summary>True if a ChangeCipherSpec belongs here, which opens the next read epoch; false to drop it.</summary>
    public abstract bool TryAcceptChangeCipherSpec();

    public bool TryTakeFlightToSend([NotNullWhen(true)] out Flight? flight)
    {
        flight = _flightToSend;
        _flightToSend = null;
        return flight is not null;
    }

    public static string DescribeFingerprintMismatch(ReadOnlySpan<byte> certificateDer, DtlsFingerprint expected) =>
        $"the peer certificate's fingerprint {DtlsFingerprint.Compute(expected.Algorithm, certificateDer)} does not match the remote SDP fingerprint {expected}";

    protected ushort AddMessage(Flight flight, HandshakeType type, byte[] body, ushort epoch = 0, bool addToTranscript = true)
    {
        ushort sequence = _nextSendSequence++;
        if (addToTranscript)
        {
            Transcript.Append(type, sequence, body);
        }

        flight.AddHandshake(type, sequence, epoch, body);
        return sequence;
    }

    protected void Send(Flight flight, bool awaitsReply)
    {
        _flightToSend = flight;
        LastFlight = flight;
        AwaitsReply = awaitsReply;
    }

    protected bool Fail(AlertDescription alert, string reason)
    {
        Failure = new HandshakeFailure(alert, reason);
        return false;
    }

    /// <summary>
    /// Takes the peer's certificate, which must be present (WebRTC authenticates both sides), and rejects it at once
    /// if the remote fingerprint is already known and differs.
    /// </summary>
    protected bool TryAcceptCertificate(ReadOnlySpan<byte> body, string peer)
    {
        if (!CertificateMessage.TryParse(body, out ReadOnlySpan<byte> der))
        {
            return Fail(AlertDescription.DecodeError, $"malformed Certificate from the {peer}");
        }

        if (der.IsEmpty)
        {
            return Fail(AlertDescription.HandshakeFailure, $"the {peer} sent no certificate; DTLS-SRTP authenticates both sides by certificate fingerprint");
        }

        if (RemoteFingerprint is { } expected && !expected.Matches(der))
        {
            return Fail(AlertDescription.BadCertificate, DescribeFingerprintMismatch(der, expected));
        }

        PeerCertificate = PeerCertificate.TryParse(der);
        return PeerCertificate is not null
            || Fail(AlertDescription.UnsupportedCertificate, $"the {peer}'s certificate is not an X.509 certificate with an EC or RSA key");
    }

    /// <summary>
    /// Derives the master secret and installs the epoch-1 keys. Call right after ClientKeyExchange entered the
    /// transcript: its hash at that point is the extended master secret's session_hash (RFC 7627 section 3).
    /// </summary>
    protected void DeriveSecrets(ReadOnlySpan<byte> preMasterSecret, ReadOnlySpan<byte> clientRandom, ReadOnlySpan<byte> serverRandom, bool isClient)
    {
        Span<byte> sessionHash = stackalloc byte[MaxHashLength];
        int length = UsesExtendedMasterSecret ? Transcript.ComputeHash(Suite!.PrfHash, sessionHash) : 0;
        Secrets = new SessionSecrets(Suite!, preMasterSecret, clientRandom, serverRandom, sessionHash[..length]);
        (AeadRecordProtection clientWrite, AeadRecordProtection serverWrite) = Secrets.CreateRecordProtection();
        Records.SetEpochOneKeys(isClient ? clientWrite : serverWrite, isClient ? serverWrite : clientWrite);
    }

    /// <summary>verify_data over the transcript so far (RFC 5246 section 7.4.9).</summary>
    protected byte[] ComputeFinished(bool fromClient)
    {
        Span<byte> hash = stackalloc byte[MaxHashLength];
        int length = Transcript.ComputeHash(Suite!.PrfHash, hash);
        byte[] verifyData = new byte[SessionSecrets.VerifyDataLength];
        Secrets!.ComputeVerifyData(fromClient, hash[..length], verifyData);
        return verifyData;
    }

    protected bool IsValidFinished(ReadOnlySpan<byte> body, bool fromClient) =>
        body.Length == SessionSecrets.VerifyDataLength && CryptographicOperations.FixedTimeEquals(body, ComputeFinished(fromClient));
}
