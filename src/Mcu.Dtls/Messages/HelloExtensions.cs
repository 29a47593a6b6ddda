namespace Mcu.Dtls.Messages;

/// <summary>
/// The hello extensions we act on, read in place from a ClientHello or ServerHello (RFC 5246 section 7.4.1.4).
/// Unknown extensions (DTLS 1.3 supported_versions and key_share, session tickets, ALPN...) are skipped.
/// </summary>
internal ref struct HelloExtensions
{
    public bool HasSupportedGroups { get; private set; }

    public UInt16List SupportedGroups { get; private set; }

    public bool HasSignatureAlgorithms { get; private set; }

    public UInt16List SignatureAlgorithms { get; private set; }

    public bool HasEcPointFormats { get; private set; }

    public ReadOnlySpan<byte> EcPointFormats { get; private set; }

    public bool HasUseSrtp { get; private set; }

    public UInt16List SrtpProfiles { get; private set; }

    public ReadOnlySpan<byte> SrtpMki { get; private set; }

    public bool ExtendedMasterSecret { get; private set; }

    public bool HasRenegotiationInfo { get; private set; }

    public ReadOnlySpan<byte> RenegotiatedConnection { get; private set; }

    /// <summary>Parses the extensions block (the contents of the outer two-byte length); false if any extension we read is malformed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> block, out HelloExtensions extensions)
    {
        extensions = default;
        var reader = new TlsReader(block);
        uint seen = 0;
        while (!reader.IsEmpty)
        {
            if (!reader.TryReadUInt16(out ushort type) || !reader.TryReadVector16(out ReadOnlySpan<byte> data))
            {
                return false;
            }

            // RFC 5246 section 7.4.1.4: an extension type must not appear twice.
            uint bit = KnownTypeBit(type);
            if ((seen & bit) != 0)
            {
                return false;
            }

            seen |= bit;
            if (!extensions.TryApply(type, data))
            {
                return false;
            }
        }

        return true;
    }

    private static uint KnownTypeBit(ushort type) => type switch
    {
        ExtensionType.SupportedGroups => 1,
        ExtensionType.EcPointFormats => 2,
        ExtensionType.SignatureAlgorithms => 4,
        ExtensionType.UseSrtp => 8,
        ExtensionType.ExtendedMasterSecret => 16,
        ExtensionType.RenegotiationInfo => 32,
        _ => 0,
    };

    private bool TryApply(ushort type, ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        UInt16List list;
        ReadOnlySpan<byte> bytes;
        switch (type)
        {
            case ExtensionType.SupportedGroups:
                if (!reader.TryReadVector16(out bytes) || !reader.IsEmpty || !UInt16List.TryCreate(bytes, out list))
                {
                    return false;
                }

                HasSupportedGroups = true;
                SupportedGroups = list;
                return true;

            case ExtensionType.SignatureAlgorithms:
                if (!reader.TryReadVector16(out bytes) || !reader.IsEmpty || !UInt16List.TryCreate(bytes, out list))
                {
                    return false;
                }

                HasSignatureAlgorithms = true;
                SignatureAlgorithms = list;
                return true;

            case ExtensionType.EcPointFormats:
                if (!reader.TryReadVector8(out bytes) || !reader.IsEmpty || bytes.IsEmpty)
                {
                    return false;
                }

                HasEcPointFormats = true;
                EcPointFormats = bytes;
                return true;

            case ExtensionType.UseSrtp:
                // RFC 5764 section 4.1.1: SRTPProtectionProfiles<2..2^16-1> followed by srtp_mki<0..255>.
                if (!reader.TryReadVector16(out bytes) || !UInt16List.TryCreate(bytes, out list)
                    || !reader.TryReadVector8(out ReadOnlySpan<byte> mki) || !reader.IsEmpty)
                {
                    return false;
                }

                HasUseSrtp = true;
                SrtpProfiles = list;
                SrtpMki = mki;
                return true;

            case ExtensionType.ExtendedMasterSecret:
                // RFC 7627 section 5.1: the extension_data is empty.
                ExtendedMasterSecret = data.IsEmpty;
                return data.IsEmpty;

            case ExtensionType.RenegotiationInfo:
                if (!reader.TryReadVector8(out bytes) || !reader.IsEmpty)
                {
                    return false;
                }

                HasRenegotiationInfo = true;
                RenegotiatedConnection = bytes;
                return true;

            default:
                return true;
        }
    }
}
