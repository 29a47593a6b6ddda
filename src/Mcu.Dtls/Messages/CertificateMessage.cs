namespace Mcu.Dtls.Messages;

/// <summary>The Certificate message: a chain of DER certificates, end-entity first (RFC 5246 section 7.4.2).</summary>
internal static class CertificateMessage
{
    /// <summary>Longest chain we walk; WebRTC peers send one self-signed certificate.</summary>
    public const int MaxCertificates = 8;

    /// <summary>
    /// Validates every entry's length and returns the end-entity certificate; <paramref name="endEntity"/> is empty
    /// when the peer sent an empty list.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out ReadOnlySpan<byte> endEntity)
    {
        endEntity = default;
        var reader = new TlsReader(body);
        if (!reader.TryReadVector24(out ReadOnlySpan<byte> list) || !reader.IsEmpty)
        {
            return false;
        }

        var entries = new TlsReader(list);
        for (int count = 0; !entries.IsEmpty; count++)
        {
            if (count == MaxCertificates || !entries.TryReadVector24(out ReadOnlySpan<byte> certificate) || certificate.IsEmpty)
            {
                return false;
            }

            if (count == 0)
            {
                endEntity = certificate;
            }
        }

        return true;
    }

    public static byte[] Create(ReadOnlySpan<byte> certificateDer)
    {
        byte[] body = new byte[6 + certificateDer.Length];
        var writer = new TlsWriter(body);
        writer.WriteUInt24(3 + certificateDer.Length);
        writer.WriteVector24(certificateDer);
        return body;
    }
}
