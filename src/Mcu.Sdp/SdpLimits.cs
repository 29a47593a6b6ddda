namespace Mcu.Sdp;

/// <summary>Bounds that keep hostile SDP cheap to reject. The defaults fit every browser and WHIP client offer
/// with generous room.</summary>
public sealed class SdpLimits
{
    /// <summary>The default limits.</summary>
    public static SdpLimits Default { get; } = new();

    /// <summary>Maximum size of the whole description, in UTF-8 bytes or UTF-16 characters.</summary>
    public int MaxLength { get; init; } = 64 * 1024;

    /// <summary>Maximum number of lines, counting blank ones.</summary>
    public int MaxLines { get; init; } = 2048;

    /// <summary>Maximum length of one line in characters.</summary>
    public int MaxLineLength { get; init; } = 1024;

    /// <summary>Maximum number of m= sections.</summary>
    public int MaxMediaSections { get; init; } = 16;

    /// <summary>Maximum number of a= lines in the session section or in any one media section.</summary>
    public int MaxAttributesPerSection { get; init; } = 256;

    /// <summary>Maximum number of formats on one m= line.</summary>
    public int MaxFormatsPerMedia { get; init; } = 64;
}
