namespace Mcu.Dtls.Messages;

/// <summary>The DTLS 1.2 ClientHello, read in place (RFC 5246 section 7.4.1.2 plus the cookie of RFC 6347 section 4.2.1).</summary>
internal readonly ref struct ClientHello
{
    public const int RandomLength = 32;

    public ushort Version { get; private init; }

    public ReadOnlySpan<byte> Random { get; private init; }

    public ReadOnlySpan<byte> SessionId { get; private init; }

    public ReadOnlySpan<byte> Cookie { get; private init; }

    public UInt16List CipherSuites { get; private init; }

    public ReadOnlySpan<byte> CompressionMethods { get; private init; }

    /// <summary>The extensions block without its length prefix; empty when the hello carries none.</summary>
    public ReadOnlySpan<byte> Extensions { get; private init; }

    public static bool TryParse(ReadOnlySpan<byte> body, out ClientHello hello)
    {
        hello = default;
        var reader = new TlsReader(body);
        if (!reader.TryReadUInt16(out ushort version)
            || !reader.TryReadBytes(RandomLength, out ReadOnlySpan<byte> random)
            || !reader.TryReadVector8(out ReadOnlySpan<byte> sessionId) || sessionId.Length > 32
            || !reader.TryReadVector8(out ReadOnlySpan<byte> cookie)
            || !reader.TryReadVector16(out ReadOnlySpan<byte> suites) || !UInt16List.TryCreate(suites, out UInt16List suiteList)
            || !reader.TryReadVector8(out ReadOnlySpan<byte> compression) || compression.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<byte> extensions = default;
        if (!reader.IsEmpty && (!reader.TryReadVector16(out extensions) || !reader.IsEmpty))
        {
            return false;
        }

        hello = new ClientHello
        {
            Version = version,
            Random = random,
            SessionId = sessionId,
            Cookie = cookie,
            CipherSuites = suiteList,
            CompressionMethods = compression,
            Extensions = extensions,
        };
        return true;
    }

    /// <summary>Builds our ClientHello body: no session id, null compression, and the extensions DTLS-SRTP needs.</summary>
    public static byte[] Create(
        ReadOnlySpan<byte> random,
        ReadOnlySpan<byte> cookie,
        ReadOnlySpan<ushort> cipherSuites,
        ReadOnlySpan<ushort> groups,
        ReadOnlySpan<ushort> signatureSchemes,
        ReadOnlySpan<ushort> srtpProfiles)
    {
        Span<byte> buffer = stackalloc byte[1024];
        var writer = new TlsWriter(buffer);
        writer.WriteUInt16(Records.DtlsRecord.Dtls12);
        writer.WriteBytes(random);
        writer.WriteVector8([]);
        writer.WriteVector8(cookie);
        writer.WriteUInt16Vector16(cipherSuites);
        writer.WriteVector8([0]);

        int extensions = writer.BeginVector(2);
        writer.WriteUInt16(ExtensionType.SupportedGroups);
        int data = writer.BeginVector(2);
        writer.WriteUInt16Vector16(groups);
        writer.EndVector(data, 2);

        writer.WriteUInt16(ExtensionType.EcPointFormats);
        writer.WriteUInt16(2);
        writer.WriteVector8([ExtensionType.UncompressedPointFormat]);

        writer.WriteUInt16(ExtensionType.SignatureAlgorithms);
        data = writer.BeginVector(2);
        writer.WriteUInt16Vector16(signatureSchemes);
        writer.EndVector(data, 2);

        writer.WriteUInt16(ExtensionType.UseSrtp);
        data = writer.BeginVector(2);
        writer.WriteUInt16Vector16(srtpProfiles);
        writer.WriteVector8([]);
        writer.EndVector(data, 2);

        writer.WriteUInt16(ExtensionType.ExtendedMasterSecret);
        writer.WriteUInt16(0);

        writer.WriteUInt16(ExtensionType.RenegotiationInfo);
        writer.WriteUInt16(1);
        writer.WriteVector8([]);
        writer.EndVector(extensions, 2);
        return writer.Written.ToArray();
    }
}
