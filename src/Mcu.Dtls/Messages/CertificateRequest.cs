namespace Mcu.Dtls.Messages;

/// <summary>The TLS 1.2 CertificateRequest, read in place (RFC 5246 section 7.4.4).</summary>
internal readonly ref struct CertificateRequest
{
    /// <summary>ClientCertificateType ecdsa_sign (RFC 8422 section 5.5).</summary>
    public const byte EcdsaSign = 64;

    /// <summary>ClientCertificateType rsa_sign.</summary>
    public const byte RsaSign = 1;

    public ReadOnlySpan<byte> CertificateTypes { get; private init; }

    public UInt16List SignatureAlgorithms { get; private init; }

    public static bool TryParse(ReadOnlySpan<byte> body, out CertificateRequest request)
    {
        request = default;
        var reader = new TlsReader(body);
        if (!reader.TryReadVector8(out ReadOnlySpan<byte> types) || types.IsEmpty
            || !reader.TryReadVector16(out ReadOnlySpan<byte> schemes) || !UInt16List.TryCreate(schemes, out UInt16List schemeList)
            || !reader.TryReadVector16(out _) || !reader.IsEmpty)
        {
            return false;
        }

        request = new CertificateRequest { CertificateTypes = types, SignatureAlgorithms = schemeList };
        return true;
    }

    /// <summary>Builds a request naming no certificate authorities: WebRTC peers authenticate by fingerprint, not chain.</summary>
    public static byte[] Create(ReadOnlySpan<byte> certificateTypes, ReadOnlySpan<ushort> signatureSchemes)
    {
        byte[] body = new byte[1 + certificateTypes.Length + 2 + (2 * signatureSchemes.Length) + 2];
        var writer = new TlsWriter(body);
        writer.WriteVector8(certificateTypes);
        writer.WriteUInt16Vector16(signatureSchemes);
        writer.WriteUInt16(0);
        return body;
    }
}
