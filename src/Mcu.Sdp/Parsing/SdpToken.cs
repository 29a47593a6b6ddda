namespace Mcu.Sdp;

/// <summary>Character classes and word splitting from the RFC 8866 §9 grammar.</summary>
internal static class SdpToken
{
    private static readonly char[] Separators = [' ', '\t'];

    /// <summary>token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E.</summary>
    public static bool IsTokenChar(char c) =>
        c == '!' || (c >= '#' && c <= '\'') || c == '*' || c == '+' || c == '-' || c == '.'
        || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= '^' && c <= '~');

    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>ice-char = ALPHA / DIGIT / "+" / "/" (RFC 8839 §5.1).</summary>
    public static bool IsIceChars(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '/')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Visible ASCII without spaces: what SDP allows in addresses, URIs and free-form words.</summary>
    public static bool IsVisible(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c <= ' ' || c >= '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits on runs of spaces or tabs; browsers emit single spaces, hand-written SDP may not.</summary>
    public static string[] Words(string text) => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits at the first run of whitespace into a head word and the trimmed rest (empty when absent).</summary>
    public static (string Head, string Tail) SplitFirst(string text)
    {
        string trimmed = text.TrimStart(Separators);
        int space = trimmed.IndexOfAny(Separators);
        return space < 0
            ? (trimmed, string.Empty)
            : (trimmed[..space], trimmed[(space + 1)..].Trim(Separators));
    }
}
