namespace Mcu.Dtls.Messages;

/// <summary>The hello extensions we act on; every other extension is ignored.</summary>
internal static class ExtensionType
{
    /// <summary>RFC 8422 section 5.1.1 (formerly elliptic_curves).</summary>
    public const ushort SupportedGroups = 10;

    /// <summary>RFC 8422 section 5.1.2.</summary>
    public const ushort EcPointFormats = 11;

    /// <summary>RFC 5246 section 7.4.1.4.1.</summary>
    public const ushort SignatureAlgorithms = 13;

    /// <summary>RFC 5764 section 4.1.1.</summary>
    public const ushort UseSrtp = 14;

    /// <summary>RFC 7627 section 5.1.</summary>
    public const ushort ExtendedMasterSecret = 23;

    /// <summary>RFC 5746 section 3.2.</summary>
    public const ushort RenegotiationInfo = 0xFF01;

    /// <summary>RFC 5746 section 3.3: the signalling cipher suite value that stands for an empty renegotiation_info.</summary>
    public const ushort EmptyRenegotiationInfoScsv = 0x00FF;

    /// <summary>RFC 8422 section 5.1.2.</summary>
    public const byte UncompressedPointFormat = 0;
}
