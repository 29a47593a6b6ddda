namespace Mcu.Dtls.Messages;

/// <summary>The ECDHE ClientKeyExchange: the client's ephemeral public key (RFC 8422 section 5.7).</summary>
internal static class ClientKeyExchange
{
    public static bool TryParse(ReadOnlySpan<byte> body, out ReadOnlySpan<byte> publicKey)
    {
        var reader = new TlsReader(body);
        return reader.TryReadVector8(out publicKey) & reader.IsEmpty & !publicKey.IsEmpty;
    }

    public static byte[] Create(ReadOnlySpan<byte> publicKey)
    {
        byte[] body = new byte[1 + publicKey.Length];
        var writer = new TlsWriter(body);
        writer.WriteVector8(publicKey);
        return body;
    }
}
