using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>An a=ssrc line (RFC 5576 §4.1), e.g. "1234 cname:abc" or "1234 msid:stream track".</summary>
public sealed record SdpSsrcLine(uint Ssrc, string Attribute, string? Value = null)
{
    /// <summary>The attribute value, without "a=ssrc:".</summary>
    public override string ToString() => Value is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Ssrc} {Attribute}")
        : string.Create(CultureInfo.InvariantCulture, $"{Ssrc} {Attribute}:{Value}");

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpSsrcLine? ssrc, [NotNullWhen(false)] out string? error)
    {
        ssrc = null;
        (string head, string rest) = SdpToken.SplitFirst(value);
        if (!SdpNumber.TryParse(head, out uint id))
        {
            error = $"a=ssrc '{SdpText.Excerpt(head)}' is not a 32-bit SSRC";
            return false;
        }

        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? rest : rest[..colon];
        if (!SdpToken.IsToken(name))
        {
            error = "a=ssrc needs <ssrc> <attribute>[:<value>]";
            return false;
        }

        ssrc = new SdpSsrcLine(id, name, colon < 0 ? null : rest[(colon + 1)..]);
        error = null;
        return true;
    }
}
