using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>A b= line (RFC 8866 §5.8), e.g. AS:2000 or TIAS:2000000.</summary>
public sealed record SdpBandwidth(string Type, ulong Value)
{
    /// <summary>The line value, without "b=".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Type}:{Value}");

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpBandwidth? bandwidth, [NotNullWhen(false)] out string? error)
    {
        bandwidth = null;
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !SdpToken.IsToken(value.AsSpan(0, colon)))
        {
            error = "b= needs <bwtype>:<bandwidth>";
            return false;
        }

        if (!SdpNumber.TryParse(value.AsSpan(colon + 1), uint.MaxValue, out ulong amount))
        {
            error = "b= bandwidth is not a number within 32 bits";
            return false;
        }

        bandwidth = new SdpBandwidth(value[..colon], amount);
        error = null;
        return true;
    }
}
