namespace Mcu.Dtls.Messages;

/// <summary>A signature with its SignatureAndHashAlgorithm as carried in ServerKeyExchange and CertificateVerify (RFC 5246 section 4.7).</summary>
internal readonly ref struct DigitallySigned
{
    public ushort Scheme { get; private init; }

    public ReadOnlySpan<byte> Signature { get; private init; }

    public static bool TryRead(scoped ref TlsReader reader, out DigitallySigned value)
    {
        value = default;
        if (!reader.TryReadUInt16(out ushort scheme) || !reader.TryReadVector16(out ReadOnlySpan<byte> signature) || signature.IsEmpty)
        {
            return false;
        }

        value = new DigitallySigned { Scheme = scheme, Signature = signature };
        return true;
    }

    public static void Write(ref TlsWriter writer, ushort scheme, ReadOnlySpan<byte> signature)
    {
        writer.WriteUInt16(scheme);
        writer.WriteVector16(signature);
    }
}
