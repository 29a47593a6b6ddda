using System.Diagnostics.CodeAnalysis;

namespace Mcu.Sdp;

/// <summary>An a=group line (RFC 5888), e.g. "BUNDLE 0 1".</summary>
public sealed record SdpGroup(string Semantics, IReadOnlyList<string> Mids)
{
    /// <summary>The semantics of RFC 8843 bundling.</summary>
    public const string Bundle = "BUNDLE";

    /// <summary>True for a BUNDLE group.</summary>
    public bool IsBundle => string.Equals(Semantics, Bundle, StringComparison.Ordinal);

    /// <summary>True when the group lists this mid.</summary>
    public bool Contains(string mid)
    {
        foreach (string member in Mids)
        {
            if (string.Equals(member, mid, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attribute value, without "a=group:".</summary>
    public override string ToString() => Mids.Count == 0 ? Semantics : $"{Semantics} {string.Join(' ', Mids)}";

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpGroup? group, [NotNullWhen(false)] out string? error)
    {
        group = null;
        string[] words = SdpToken.Words(value);
        if (words.Length == 0 || !SdpToken.IsToken(words[0]))
        {
            error = "a=group needs <semantics> followed by mids";
            return false;
        }

        for (int i = 1; i < words.Length; i++)
        {
            if (!SdpMid.IsValid(words[i]))
            {
                error = $"a=group has an invalid mid '{words[i]}'";
                return false;
            }
        }

        group = new SdpGroup(words[0], words[1..]);
        error = null;
        return true;
    }
}
