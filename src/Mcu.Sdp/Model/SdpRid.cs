using System.Diagnostics.CodeAnalysis;

namespace Mcu.Sdp;

/// <summary>An a=rid line (RFC 8851 §10): restriction identifier, direction and raw restrictions.</summary>
public sealed record SdpRid(string Id, RidDirection Direction, string? Restrictions = null)
{
    /// <summary>Longest rid accepted; RFC 8852 carries it in a header extension of at most 255 bytes.</summary>
    public const int MaxIdLength = 255;

    /// <summary>The attribute value, without "a=rid:".</summary>
    public override string ToString()
    {
        string direction = Direction == RidDirection.Send ? "send" : "recv";
        return Restrictions is null ? $"{Id} {direction}" : $"{Id} {direction} {Restrictions}";
    }

    /// <summary>rid-syntax = 1*(alpha-numeric / "-" / "_") (RFC 8851 §10).</summary>
    internal static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxIdLength)
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpRid? rid, [NotNullWhen(false)] out string? error)
    {
        rid = null;
        (string id, string rest) = SdpToken.SplitFirst(value);
        (string direction, string restrictions) = SdpToken.SplitFirst(rest);
        if (!IsValidId(id))
        {
            error = "a=rid id must be letters, digits, '-' or '_'";
            return false;
        }

        RidDirection parsed;
        if (direction == "send")
        {
            parsed = RidDirection.Send;
        }
        else if (direction == "recv")
        {
            parsed = RidDirection.Recv;
        }
        else
        {
            error = "a=rid direction must be send or recv";
            return false;
        }

        rid = new SdpRid(id, parsed, restrictions.Length == 0 ? null : restrictions);
        error = null;
        return true;
    }
}
