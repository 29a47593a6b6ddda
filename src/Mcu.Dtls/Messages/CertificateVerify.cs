namespace Mcu.Dtls.Messages;

/// <summary>CertificateVerify: the client's signature over the handshake so far (RFC 5246 section 7.4.8).</summary>
internal static class CertificateVerify
{
    public static bool TryParse(ReadOnlySpan<byte> body, out DigitallySigned signature)
    {
        var reader = new TlsReader(body);
        return DigitallySigned.TryRead(ref reader, out signature) & reader.IsEmpty;
    }

    public static byte[] Create(ushort scheme, ReadOnlySpan<byte> signature)
    {
        byte[] body = new byte[4 + signature.Length];
        var writer = new TlsWriter(body);
        DigitallySigned.Write(ref writer, scheme, signature);
        return body;
    }
}
