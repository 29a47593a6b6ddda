namespace Mcu.Sdp;

/// <summary>An a=msid-semantic line from the pre-RFC 8830 drafts that browsers still write, e.g. "WMS *".</summary>
public sealed record SdpMsidSemantic(string Semantic, IReadOnlyList<string> Identifiers)
{
    /// <summary>The attribute value, without "a=msid-semantic:".</summary>
    public override string ToString() => Identifiers.Count == 0 ? Semantic : $"{Semantic} {string.Join(' ', Identifiers)}";

    internal static SdpMsidSemantic? TryParse(string value)
    {
        // Chromium writes "a=msid-semantic: WMS" with a space after the colon.
        string[] words = SdpToken.Words(value);
        return words.Length == 0 || !SdpToken.IsToken(words[0]) ? null : new SdpMsidSemantic(words[0], words[1..]);
    }
}
