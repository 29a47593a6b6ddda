using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>An a=ssrc-group line (RFC 5576 §4.2), e.g. "FID 1234 5678" pairing a stream with its RTX stream.</summary>
public sealed record SdpSsrcGroup(string Semantics, IReadOnlyList<uint> Ssrcs)
{
    /// <summary>Flow identification: primary SSRC then its retransmission SSRC (RFC 4588).</summary>
    public const string Fid = "FID";

    /// <summary>Legacy Chromium simulcast: one SSRC per layer, lowest first.</summary>
    public const string Sim = "SIM";

    /// <summary>The attribute value, without "a=ssrc-group:".</summary>
    public override string ToString()
    {
        var parts = new string[Ssrcs.Count + 1];
        parts[0] = Semantics;
        for (int i = 0; i < Ssrcs.Count; i++)
        {
            parts[i + 1] = Ssrcs[i].ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(' ', parts);
    }

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpSsrcGroup? group, [NotNullWhen(false)] out string? error)
    {
        group = null;
        string[] words = SdpToken.Words(value);
        if (words.Length < 2 || !SdpToken.IsToken(words[0]))
        {
            error = "a=ssrc-group needs <semantics> and at least one SSRC";
            return false;
        }

        var ssrcs = new uint[words.Length - 1];
        for (int i = 1; i < words.Length; i++)
        {
            if (!SdpNumber.TryParse(words[i], out ssrcs[i - 1]))
            {
                error = $"a=ssrc-group '{SdpText.Excerpt(words[i])}' is not a 32-bit SSRC";
                return false;
            }
        }

        group = new SdpSsrcGroup(words[0], ssrcs);
        error = null;
        return true;
    }
}
