using System.Security.Cryptography;
using Mcu.Dtls.Crypto;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Records;

namespace Mcu.Dtls.Handshakes;

/// <summary>
/// The server side of the DTLS 1.2 handshake: flights 4 and 6 of RFC 6347 section 4.2.4. It never sends
/// HelloVerifyRequest: the cookie exchange proves the client owns its address (RFC 6347 section 4.2.1), which ICE
/// connectivity checks have already proven before any DTLS reaches us, so it would only cost a round trip.
/// </summary>
internal sealed class ServerHandshake : Handshake
{
    private readonly byte[] _serverRandom = RandomNumberGenerator.GetBytes(ClientHello.RandomLength);
    private byte[] _clientRandom = [];
    private EcdheKeyPair? _keyPair;
    private Step _step;

    public ServerHandshake(DtlsCertificate certificate, RecordLayer records, ushort[] srtpProfiles)
        : base(certificate, records, srtpProfiles)
    {
    }

    private enum Step
    {
        ClientHello,
        Certificate,
        ClientKeyExchange,
        CertificateVerify,
        ChangeCipherSpec,
        Finished,
        Done,
    }

    /// <summary>The server's first flight answers a ClientHello: there is nothing to send before one arrives.</summary>
    public override void Start()
    {
    }

    public override bool HandleMessage(HandshakeType type, ushort sequence, byte[] body) => (_step, type) switch
    {
        (Step.ClientHello, HandshakeType.ClientHello) => HandleClientHello(sequence, body),
        (Step.Certificate, HandshakeType.Certificate) => HandleCertificate(sequence, body),
        (Step.Certificate, HandshakeType.ClientKeyExchange) =>
            Fail(AlertDescription.HandshakeFailure, "the client sent no certificate; DTLS-SRTP authenticates both sides by certificate fingerprint"),
        (Step.ClientKeyExchange, HandshakeType.ClientKeyExchange) => HandleClientKeyExchange(sequence, body),
        (Step.CertificateVerify, HandshakeType.CertificateVerify) => HandleCertificateVerify(sequence, body),
        (Step.Finished, HandshakeType.Finished) => HandleFinished(sequence, body),
        _ => Fail(AlertDescription.UnexpectedMessage, $"unexpected {type} from the client while waiting for {_step}"),
    };

    public override bool TryAcceptChangeCipherSpec()
    {
        if (_step != Step.ChangeCipherSpec)
        {
            return false;
        }

        _step = Step.Finished;
        return true;
    }

    private bool HandleClientHello(ushort sequence, byte[] body)
    {
        if (!ClientHello.TryParse(body, out ClientHello hello) || !HelloExtensions.TryParse(hello.Extensions, out HelloExtensions extensions))
        {
            return Fail(AlertDescription.DecodeError, "malformed ClientHello");
        }

        // DTLS versions count down (RFC 6347 section 4.1): a larger number is an older version. A DTLS 1.3 client
        // still writes 0xFEFD here and lists 1.3 in supported_versions, which we ignore.
        if (hello.Version > DtlsRecord.Dtls12)
        {
            return Fail(AlertDescription.ProtocolVersion, $"the client offers at most version 0x{hello.Version:X4}; DTLS 1.2 is required");
        }

        if (!hello.CompressionMethods.Contains((byte)0))
        {
            return Fail(AlertDescription.IllegalParameter, "the client does not offer null compression");
        }

        Suite = CipherSuite.Find(hello.CipherSuites.FirstCommon(CipherSuite.Preference) ?? 0);
        if (Suite is null)
        {
            return Fail(AlertDescription.HandshakeFailure, "no common cipher suite: ECDHE_ECDSA with AES_128_GCM_SHA256 or AES_256_GCM_SHA384 is required");
        }

        // RFC 8422 section 4: a client without supported_groups accepts any curve; secp256r1 is the safe pick.
        ushort? group = extensions.HasSupportedGroups ? extensions.SupportedGroups.FirstCommon(NamedGroup.Preference) : NamedGroup.Secp256r1;
        if (group is null)
        {
            return Fail(AlertDescription.HandshakeFailure, "no common ECDHE group: X25519 or secp256r1 is required");
        }

        if (extensions.HasEcPointFormats && !extensions.EcPointFormats.Contains(ExtensionType.UncompressedPointFormat))
        {
            return Fail(AlertDescription.IllegalParameter, "the client does not accept uncompressed EC points");
        }

        if (extensions.HasSignatureAlgorithms && !extensions.SignatureAlgorithms.Contains(SignatureScheme.EcdsaSecp256r1Sha256))
        {
            return Fail(AlertDescription.HandshakeFailure, "the client does not accept ecdsa_secp256r1_sha256, the only signature our certificate makes");
        }

        if (extensions.HasRenegotiationInfo && !extensions.RenegotiatedConnection.IsEmpty)
        {
            return Fail(AlertDescription.HandshakeFailure, "non-empty renegotiation_info in an initial handshake (RFC 5746 section 3.6)");
        }

        if (!extensions.HasUseSrtp)
        {
            return Fail(AlertDescription.HandshakeFailure, "the ClientHello has no use_srtp extension (RFC 5764 section 4.1.1)");
        }

        // RFC 5764 section 4.1.1: the server picks one of the client's profiles; we go by our own preference.
        ushort? profile = extensions.SrtpProfiles.FirstCommon(SrtpProfiles);
        if (profile is null)
        {
            return Fail(AlertDescription.HandshakeFailure, "no common SRTP protection profile");
        }

        SrtpProfileId = profile.Value;
        UsesExtendedMasterSecret = extensions.ExtendedMasterSecret;
        _clientRandom = hello.Random.ToArray();
        bool secureRenegotiation = extensions.HasRenegotiationInfo || hello.CipherSuites.Contains(ExtensionType.EmptyRenegotiationInfoScsv);
        Transcript.Append(HandshakeType.ClientHello, sequence, body);

        _keyPair = EcdheKeyPair.Generate(group.Value);
        byte[] parameters = ServerKeyExchange.CreateParameters(group.Value, _keyPair.PublicKey);
        byte[] signature = LocalCertificate.Sign([.. _clientRandom, .. _serverRandom, .. parameters]);
        var flight = new Flight();
        byte[] serverHello = ServerHello.Create(_serverRandom, Suite.Id, SrtpProfileId, UsesExtendedMasterSecret, secureRenegotiation, extensions.HasEcPointFormats);
        AddMessage(flight, HandshakeType.ServerHello, serverHello);
        AddMessage(flight, HandshakeType.Certificate, CertificateMessage.Create(LocalCertificate.Der.Span));
        AddMessage(flight, HandshakeType.ServerKeyExchange, ServerKeyExchange.Create(parameters, SignatureScheme.EcdsaSecp256r1Sha256, signature));

        // Ask for the client's certificate: its fingerprint is what the remote SDP vouches for.
        byte[] request = CertificateRequest.Create([CertificateRequest.EcdsaSign, CertificateRequest.RsaSign], SignatureScheme.Accepted);
        AddMessage(flight, HandshakeType.CertificateRequest, request);
        AddMessage(flight, HandshakeType.ServerHelloDone, []);
        PeerFlightEnd = sequence;
        Send(flight, awaitsReply: true);
        _step = Step.Certificate;
        return true;
    }

    private bool HandleCertificate(ushort sequence, byte[] body)
    {
        if (!TryAcceptCertificate(body, "client"))
        {
            return false;
        }

        Transcript.Append(HandshakeType.Certificate, sequence, body);
        _step = Step.ClientKeyExchange;
        return true;
    }

    private bool HandleClientKeyExchange(ushort sequence, byte[] body)
    {
        if (!ClientKeyExchange.TryParse(body, out ReadOnlySpan<byte> publicKey))
        {
            return Fail(AlertDescription.DecodeError, "malformed ClientKeyExchange");
        }

        Span<byte> preMasterSecret = stackalloc byte[EcdheKeyPair.SharedSecretLength];
        if (!_keyPair!.TryDeriveSharedSecret(publicKey, preMasterSecret))
        {
            return Fail(AlertDescription.IllegalParameter, "the client's ECDHE public key is not a valid point");
        }

        Transcript.Append(HandshakeType.ClientKeyExchange, sequence, body);
        DeriveSecrets(preMasterSecret, _clientRandom, _serverRandom, isClient: false);
        CryptographicOperations.ZeroMemory(preMasterSecret);
        _step = Step.CertificateVerify;
        return true;
    }

    private bool HandleCertificateVerify(ushort sequence, byte[] body)
    {
        if (!CertificateVerify.TryParse(body, out DigitallySigned signed))
        {
            return Fail(AlertDescription.DecodeError, "malformed CertificateVerify");
        }

        if (!SignatureScheme.IsAccepted(signed.Scheme))
        {
            return Fail(AlertDescription.IllegalParameter, $"the client signed with scheme 0x{signed.Scheme:X4}, which we did not offer");
        }

        // RFC 5246 section 7.4.8: the signature covers every handshake message before this one.
        if (!PeerCertificate!.Verify(signed.Scheme, Transcript.Messages, signed.Signature))
        {
            return Fail(AlertDescription.DecryptError, "the client's CertificateVerify signature does not verify with its certificate");
        }

        Transcript.Append(HandshakeType.CertificateVerify, sequence, body);
        _step = Step.ChangeCipherSpec;
        return true;
    }

    private bool HandleFinished(ushort sequence, byte[] body)
    {
        if (!IsValidFinished(body, fromClient: true))
        {
            return Fail(AlertDescription.DecryptError, "the client's Finished does not verify: the two sides saw different handshakes");
        }

        Transcript.Append(HandshakeType.Finished, sequence, body);
        var flight = new Flight();
        flight.AddChangeCipherSpec();
        AddMessage(flight, HandshakeType.Finished, ComputeFinished(fromClient: false), epoch: 1);
        PeerFlightEnd = sequence;

        // The final flight has no timer: it is sent again only when the client repeats its Finished (RFC 6347 4.2.4).
        Send(flight, awaitsReply: false);
        IsComplete = true;
        _step = Step.Done;
        return true;
    }
}
