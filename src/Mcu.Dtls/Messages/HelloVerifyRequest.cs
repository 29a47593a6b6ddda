namespace Mcu.Dtls.Messages;

/// <summary>HelloVerifyRequest (RFC 6347 section 4.2.1): the server's stateless cookie challenge.</summary>
internal static class HelloVerifyRequest
{
    /// <summary>Reads server_version and cookie&lt;0..2^8-1&gt;; the version is not checked (RFC 6347 section 4.2.1 lets servers send 1.0).</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out ReadOnlySpan<byte> cookie)
    {
        var reader = new TlsReader(body);
        cookie = default;
        return reader.TryReadUInt16(out _) && reader.TryReadVector8(out cookie) && reader.IsEmpty;
    }
}
