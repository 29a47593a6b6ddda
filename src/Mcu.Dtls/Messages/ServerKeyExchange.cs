namespace Mcu.Dtls.Messages;

/// <summary>The ECDHE ServerKeyExchange, read in place: named-curve parameters plus their signature (RFC 8422 section 5.4).</summary>
internal readonly ref struct ServerKeyExchange
{
    /// <summary>ECCurveType.named_curve; explicit curves are deprecated (RFC 8422 section 5.4).</summary>
    public const byte NamedCurveType = 3;

    public ushort Group { get; private init; }

    public ReadOnlySpan<byte> PublicKey { get; private init; }

    /// <summary>The ServerECDHParams bytes, which the signature covers after the two hello randoms.</summary>
    public ReadOnlySpan<byte> Parameters { get; private init; }

    public ushort SignatureScheme { get; private init; }

    public ReadOnlySpan<byte> Signature { get; private init; }

    public static bool TryParse(ReadOnlySpan<byte> body, out ServerKeyExchange message)
    {
        message = default;
        var reader = new TlsReader(body);
        if (!reader.TryReadUInt8(out byte curveType) || curveType != NamedCurveType
            || !reader.TryReadUInt16(out ushort group)
            || !reader.TryReadVector8(out ReadOnlySpan<byte> publicKey) || publicKey.IsEmpty)
        {
            return false;
        }

        int parametersLength = body.Length - reader.Remaining;
        if (!DigitallySigned.TryRead(ref reader, out DigitallySigned signed) || !reader.IsEmpty)
        {
            return false;
        }

        message = new ServerKeyExchange
        {
            Group = group,
            PublicKey = publicKey,
            Parameters = body[..parametersLength],
            SignatureScheme = signed.Scheme,
            Signature = signed.Signature,
        };
        return true;
    }

    public static byte[] CreateParameters(ushort group, ReadOnlySpan<byte> publicKey)
    {
        byte[] parameters = new byte[4 + publicKey.Length];
        var writer = new TlsWriter(parameters);
        writer.WriteUInt8(NamedCurveType);
        writer.WriteUInt16(group);
        writer.WriteVector8(publicKey);
        return parameters;
    }

    public static byte[] Create(ReadOnlySpan<byte> parameters, ushort signatureScheme, ReadOnlySpan<byte> signature)
    {
        byte[] body = new byte[parameters.Length + 4 + signature.Length];
        var writer = new TlsWriter(body);
        writer.WriteBytes(parameters);
        DigitallySigned.Write(ref writer, signatureScheme, signature);
        return body;
    }
}
