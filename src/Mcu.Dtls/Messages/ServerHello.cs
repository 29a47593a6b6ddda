namespace Mcu.Dtls.Messages;

/// <summary>The DTLS 1.2 ServerHello, read in place (RFC 5246 section 7.4.1.3).</summary>
internal readonly ref struct ServerHello
{
    public ushort Version { get; private init; }

    public ReadOnlySpan<byte> Random { get; private init; }

    public ReadOnlySpan<byte> SessionId { get; private init; }

    public ushort CipherSuite { get; private init; }

    public byte CompressionMethod { get; private init; }

    /// <summary>The extensions block without its length prefix; empty when the hello carries none.</summary>
    public ReadOnlySpan<byte> Extensions { get; private init; }

    public static bool TryParse(ReadOnlySpan<byte> body, out ServerHello hello)
    {
        hello = default;
        var reader = new TlsReader(body);
        if (!reader.TryReadUInt16(out ushort version)
            || !reader.TryReadBytes(ClientHello.RandomLength, out ReadOnlySpan<byte> random)
            || !reader.TryReadVector8(out ReadOnlySpan<byte> sessionId) || sessionId.Length > 32
            || !reader.TryReadUInt16(out ushort cipherSuite)
            || !reader.TryReadUInt8(out byte compression))
        {
            return false;
        }

        ReadOnlySpan<byte> extensions = default;
        if (!reader.IsEmpty && (!reader.TryReadVector16(out extensions) || !reader.IsEmpty))
        {
            return false;
        }

        hello = new ServerHello
        {
            Version = version,
            Random = random,
            SessionId = sessionId,
            CipherSuite = cipherSuite,
            CompressionMethod = compression,
            Extensions = extensions,
        };
        return true;
    }

    /// <summary>
    /// Builds our ServerHello body: empty session id (no resumption), null compression, and only extensions the
    /// client offered (RFC 5246 section 7.4.1.4), with an empty MKI (RFC 5764 section 4.1.1: we do not use MKI).
    /// </summary>
    public static byte[] Create(
        ReadOnlySpan<byte> random,
        ushort cipherSuite,
        ushort srtpProfile,
        bool extendedMasterSecret,
        bool renegotiationInfo,
        bool ecPointFormats)
    {
        Span<byte> buffer = stackalloc byte[128];
        var writer = new TlsWriter(buffer);
        writer.WriteUInt16(Records.DtlsRecord.Dtls12);
        writer.WriteBytes(random);
        writer.WriteVector8([]);
        writer.WriteUInt16(cipherSuite);
        writer.WriteUInt8(0);

        int extensions = writer.BeginVector(2);
        if (renegotiationInfo)
        {
            writer.WriteUInt16(ExtensionType.RenegotiationInfo);
            writer.WriteUInt16(1);
            writer.WriteVector8([]);
        }

        if (extendedMasterSecret)
        {
            writer.WriteUInt16(ExtensionType.ExtendedMasterSecret);
            writer.WriteUInt16(0);
        }

        if (ecPointFormats)
        {
            writer.WriteUInt16(ExtensionType.EcPointFormats);
            writer.WriteUInt16(2);
            writer.WriteVector8([ExtensionType.UncompressedPointFormat]);
        }

        writer.WriteUInt16(ExtensionType.UseSrtp);
        writer.WriteUInt16(5);
        writer.WriteUInt16(2);
        writer.WriteUInt16(srtpProfile);
        writer.WriteVector8([]);
        writer.EndVector(extensions, 2);
        return writer.Written.ToArray();
    }
}
