using System.Security.Cryptography;
using Mcu.Dtls.Crypto;
using Mcu.Dtls.Messages;
using Mcu.Dtls.Records;

namespace Mcu.Dtls.Handshakes;

/// <summary>The client side of the DTLS 1.2 handshake: flights 1, 3 and 5 of RFC 6347 section 4.2.4.</summary>
internal sealed class ClientHandshake : Handshake
{
    private readonly byte[] _clientRandom = RandomNumberGenerator.GetBytes(ClientHello.RandomLength);
    private byte[] _cookie = [];
    private byte[] _clientHello = [];
    private ushort _clientHelloSequence;
    private byte[] _serverRandom = [];
    private byte[] _serverPublicKey = [];
    private ushort _serverGroup;
    private bool _certificateRequested;
    private Step _step;

    public ClientHandshake(DtlsCertificate certificate, RecordLayer records, ushort[] srtpProfiles)
        : base(certificate, records, srtpProfiles)
    {
    }

    private enum Step
    {
        ServerHello,
        Certificate,
        ServerKeyExchange,
        CertificateRequestOrServerHelloDone,
        ServerHelloDone,
        ChangeCipherSpec,
        Finished,
        Done,
    }

    public override void Start() => SendClientHello();

    public override bool HandleMessage(HandshakeType type, ushort sequence, byte[] body) => (_step, type) switch
    {
        (Step.ServerHello, HandshakeType.HelloVerifyRequest) => HandleHelloVerifyRequest(sequence, body),
        (Step.ServerHello, HandshakeType.ServerHello) => HandleServerHello(sequence, body),
        (Step.Certificate, HandshakeType.Certificate) => HandleCertificate(sequence, body),
        (Step.ServerKeyExchange, HandshakeType.ServerKeyExchange) => HandleServerKeyExchange(sequence, body),
        (Step.CertificateRequestOrServerHelloDone, HandshakeType.CertificateRequest) => HandleCertificateRequest(sequence, body),
        (Step.CertificateRequestOrServerHelloDone or Step.ServerHelloDone, HandshakeType.ServerHelloDone) => HandleServerHelloDone(sequence, body),
        (Step.Finished, HandshakeType.Finished) => HandleFinished(body),

        // RFC 5246 section 7.4.1.1: a HelloRequest during a handshake is ignored.
        (_, HandshakeType.HelloRequest) => true,
        _ => Fail(AlertDescription.UnexpectedMessage, $"unexpected {type} from the server while waiting for {_step}"),
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

    private void SendClientHello()
    {
        _clientHello = ClientHello.Create(_clientRandom, _cookie, CipherSuite.Preference, NamedGroup.Preference, SignatureScheme.Accepted, SrtpProfiles);
        var flight = new Flight();

        // RFC 6347 section 4.2.6: the transcript starts at the ClientHello the server answers with ServerHello, so it
        // is added only then; a ClientHello answered by HelloVerifyRequest is left out.
        _clientHelloSequence = AddMessage(flight, HandshakeType.ClientHello, _clientHello, addToTranscript: false);
        Send(flight, awaitsReply: true);
        _step = Step.ServerHello;
    }

    private bool HandleHelloVerifyRequest(ushort sequence, byte[] body)
    {
        if (!HelloVerifyRequest.TryParse(body, out ReadOnlySpan<byte> cookie))
        {
            return Fail(AlertDescription.DecodeError, "malformed HelloVerifyRequest");
        }

        // RFC 6347 section 4.2.1: repeat the ClientHello, same random and all, with the cookie.
        _cookie = cookie.ToArray();
        PeerFlightEnd = sequence;
        SendClientHello();
        return true;
    }

    private bool HandleServerHello(ushort sequence, byte[] body)
    {
        if (!ServerHello.TryParse(body, out ServerHello hello) || !HelloExtensions.TryParse(hello.Extensions, out HelloExtensions extensions))
        {
            return Fail(AlertDescription.DecodeError, "malformed ServerHello");
        }

        if (hello.Version != DtlsRecord.Dtls12)
        {
            return Fail(AlertDescription.ProtocolVersion, $"the server chose version 0x{hello.Version:X4}; only DTLS 1.2 (0xFEFD) is supported");
        }

        Suite = CipherSuite.Find(hello.CipherSuite);
        if (Suite is null)
        {
            return Fail(AlertDescription.IllegalParameter, $"the server chose cipher suite 0x{hello.CipherSuite:X4}, which we did not offer");
        }

        if (hello.CompressionMethod != 0)
        {
            return Fail(AlertDescription.IllegalParameter, "the server chose a compression method; we offered only null compression");
        }

        if (extensions.HasRenegotiationInfo && !extensions.RenegotiatedConnection.IsEmpty)
        {
            return Fail(AlertDescription.HandshakeFailure, "non-empty renegotiation_info in an initial handshake (RFC 5746 section 3.4)");
        }

        if (extensions.HasEcPointFormats && !extensions.EcPointFormats.Contains(ExtensionType.UncompressedPointFormat))
        {
            return Fail(AlertDescription.IllegalParameter, "the server does not accept uncompressed EC points");
        }

        if (!extensions.HasUseSrtp)
        {
            return Fail(AlertDescription.HandshakeFailure, "the server did not accept use_srtp (RFC 5764 section 4.1.1)");
        }

        if (extensions.SrtpProfiles.Count != 1 || !SrtpProfiles.AsSpan().Contains(extensions.SrtpProfiles[0]))
        {
            return Fail(AlertDescription.IllegalParameter, "the server's use_srtp does not name exactly one of the SRTP profiles we offered");
        }

        if (!extensions.SrtpMki.IsEmpty)
        {
            return Fail(AlertDescription.IllegalParameter, "the server set an SRTP MKI, but we offered none (RFC 5764 section 4.1.1)");
        }

        SrtpProfileId = extensions.SrtpProfiles[0];
        UsesExtendedMasterSecret = extensions.ExtendedMasterSecret;
        _serverRandom = hello.Random.ToArray();
        Transcript.Append(HandshakeType.ClientHello, _clientHelloSequence, _clientHello);
        Transcript.Append(HandshakeType.ServerHello, sequence, body);
        _step = Step.Certificate;
        return true;
    }

    private bool HandleCertificate(ushort sequence, byte[] body)
    {
        if (!TryAcceptCertificate(body, "server"))
        {
            return false;
        }

        Transcript.Append(HandshakeType.Certificate, sequence, body);
        _step = Step.ServerKeyExchange;
        return true;
    }

    private bool HandleServerKeyExchange(ushort sequence, byte[] body)
    {
        if (!ServerKeyExchange.TryParse(body, out ServerKeyExchange message))
        {
            return Fail(AlertDescription.DecodeError, "malformed ServerKeyExchange");
        }

        if (!NamedGroup.Preference.Contains(message.Group))
        {
            return Fail(AlertDescription.IllegalParameter, $"the server chose ECDHE group {message.Group}, which we did not offer");
        }

        if (!SignatureScheme.IsAccepted(message.SignatureScheme))
        {
            return Fail(AlertDescription.IllegalParameter, $"the server signed with scheme 0x{message.SignatureScheme:X4}, which we did not offer");
        }

        // RFC 8422 section 5.4: the signature covers client_random, server_random and the ServerECDHParams.
        byte[] signed = [.. _clientRandom, .. _serverRandom, .. message.Parameters];
        if (!PeerCertificate!.Verify(message.SignatureScheme, signed, message.Signature))
        {
            return Fail(AlertDescription.DecryptError, "the ServerKeyExchange signature does not verify with the server's certificate");
        }

        _serverGroup = message.Group;
        _serverPublicKey = message.PublicKey.ToArray();
        Transcript.Append(HandshakeType.ServerKeyExchange, sequence, body);
        _step = Step.CertificateRequestOrServerHelloDone;
        return true;
    }

    private bool HandleCertificateRequest(ushort sequence, byte[] body)
    {
        if (!CertificateRequest.TryParse(body, out CertificateRequest request))
        {
            return Fail(AlertDescription.DecodeError, "malformed CertificateRequest");
        }

        if (!request.CertificateTypes.Contains(CertificateRequest.EcdsaSign) || !request.SignatureAlgorithms.Contains(SignatureScheme.EcdsaSecp256r1Sha256))
        {
            return Fail(AlertDescription.HandshakeFailure, "the server does not accept an ECDSA certificate signing with SHA-256, the only kind we have");
        }

        _certificateRequested = true;
        Transcript.Append(HandshakeType.CertificateRequest, sequence, body);
        _step = Step.ServerHelloDone;
        return true;
    }

    private bool HandleServerHelloDone(ushort sequence, byte[] body)
    {
        if (body.Length != 0)
        {
            return Fail(AlertDescription.DecodeError, "malformed ServerHelloDone");
        }

        Transcript.Append(HandshakeType.ServerHelloDone, sequence, body);
        EcdheKeyPair keyPair = EcdheKeyPair.Generate(_serverGroup);
        Span<byte> preMasterSecret = stackalloc byte[EcdheKeyPair.SharedSecretLength];
        if (!keyPair.TryDeriveSharedSecret(_serverPublicKey, preMasterSecret))
        {
            return Fail(AlertDescription.IllegalParameter, "the server's ECDHE public key is not a valid point");
        }

        var flight = new Flight();
        if (_certificateRequested)
        {
            AddMessage(flight, HandshakeType.Certificate, CertificateMessage.Create(LocalCertificate.Der.Span));
        }

        AddMessage(flight, HandshakeType.ClientKeyExchange, ClientKeyExchange.Create(keyPair.PublicKey));
        DeriveSecrets(preMasterSecret, _clientRandom, _serverRandom, isClient: true);
        CryptographicOperations.ZeroMemory(preMasterSecret);
        if (_certificateRequested)
        {
            byte[] signature = LocalCertificate.Sign(Transcript.Messages);
            AddMessage(flight, HandshakeType.CertificateVerify, CertificateVerify.Create(SignatureScheme.EcdsaSecp256r1Sha256, signature));
        }

        flight.AddChangeCipherSpec();
        AddMessage(flight, HandshakeType.Finished, ComputeFinished(fromClient: true), epoch: 1);
        PeerFlightEnd = sequence;
        Send(flight, awaitsReply: true);
        _step = Step.ChangeCipherSpec;
        return true;
    }

    private bool HandleFinished(byte[] body)
    {
        if (!IsValidFinished(body, fromClient: false))
        {
            return Fail(AlertDescription.DecryptError, "the server's Finished does not verify: the two sides saw different handshakes");
        }

        // Our flight 5 is answered; a repeated server flight needs nothing from us.
        PeerFlightEnd = -1;
        IsComplete = true;
        _step = Step.Done;
        return true;
    }
}
