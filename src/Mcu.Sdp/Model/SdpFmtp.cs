using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>An a=fmtp line: format parameters for one payload type, kept as the raw parameter string.</summary>
public sealed record SdpFmtp(int PayloadType, string Parameters)
{
    /// <summary>Finds "name=value" in a ';'-separated parameter string, ignoring case in the name (RFC 4855 §3).</summary>
    public static bool TryGetParameter(string? parameters, string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (parameters is null)
        {
            return false;
        }

        foreach (string part in parameters.Split(';'))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part.AsSpan(0, equals).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = part[(equals + 1)..].Trim();
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds one parameter of this line.</summary>
    public bool TryGetParameter(string name, [NotNullWhen(true)] out string? value) => TryGetParameter(Parameters, name, out value);

    /// <summary>The attribute value, without "a=fmtp:".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {Parameters}");

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpFmtp? fmtp, [NotNullWhen(false)] out string? error)
    {
        fmtp = null;
        (string head, string rest) = SdpToken.SplitFirst(value);
        if (!SdpPayloadType.TryParse(head, out int payloadType))
        {
            error = $"a=fmtp payload type '{SdpText.Excerpt(head)}' is not in the range 0-127";
            return false;
        }

        if (rest.Length == 0)
        {
            error = "a=fmtp needs parameters after the payload type";
            return false;
        }

        fmtp = new SdpFmtp(payloadType, rest);
        error = null;
        return true;
    }
}
