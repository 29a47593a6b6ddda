using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>An a=extmap line (RFC 8285): header extension id, optional direction, URI and attributes.</summary>
public sealed record SdpExtmap(int Id, string Uri, MediaDirection? Direction = null, string? Attributes = null)
{
    /// <summary>Lowest id: 0 is padding in the one-byte form (RFC 8285 §4.2).</summary>
    public const int MinId = 1;

    /// <summary>Highest id of the two-byte form (RFC 8285 §4.3).</summary>
    public const int MaxId = 255;

    /// <summary>The attribute value, without "a=extmap:".</summary>
    public override string ToString()
    {
        string id = Direction is { } direction
            ? string.Create(CultureInfo.InvariantCulture, $"{Id}/{direction.ToSdpName()}")
            : Id.ToString(CultureInfo.InvariantCulture);
        return Attributes is null ? $"{id} {Uri}" : $"{id} {Uri} {Attributes}";
    }

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpExtmap? extmap, [NotNullWhen(false)] out string? error)
    {
        extmap = null;
        (string head, string rest) = SdpToken.SplitFirst(value);
        (string uri, string attributes) = SdpToken.SplitFirst(rest);
        int slash = head.IndexOf('/', StringComparison.Ordinal);
        ReadOnlySpan<char> idText = slash < 0 ? head : head.AsSpan(0, slash);
        if (!SdpNumber.TryParse(idText, MinId, MaxId, out int id))
        {
            error = $"a=extmap id '{SdpText.Excerpt(idText)}' is not in the range {MinId}-{MaxId}";
            return false;
        }

        MediaDirection? direction = null;
        if (slash >= 0)
        {
            if (!MediaDirections.TryParse(head[(slash + 1)..], out MediaDirection parsed))
            {
                error = "a=extmap direction must be sendrecv, sendonly, recvonly or inactive";
                return false;
            }

            direction = parsed;
        }

        if (!SdpToken.IsVisible(uri))
        {
            error = "a=extmap needs a URI after the id";
            return false;
        }

        extmap = new SdpExtmap(id, uri, direction, attributes.Length == 0 ? null : attributes);
        error = null;
        return true;
    }
}
