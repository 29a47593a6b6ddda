using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>An a=rtcp-fb line (RFC 4585 §4.2); a null payload type is the "*" wildcard.</summary>
public sealed record SdpRtcpFeedback(int? PayloadType, string Type, string? Parameter = null)
{
    /// <summary>True when this feedback applies to the given payload type (directly or through "*").</summary>
    public bool AppliesTo(int payloadType) => PayloadType is null || PayloadType == payloadType;

    /// <summary>The attribute value, without "a=rtcp-fb:".</summary>
    public override string ToString()
    {
        string format = PayloadType?.ToString(CultureInfo.InvariantCulture) ?? "*";
        return Parameter is null ? $"{format} {Type}" : $"{format} {Type} {Parameter}";
    }

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpRtcpFeedback? feedback, [NotNullWhen(false)] out string? error)
    {
        feedback = null;
        (string head, string rest) = SdpToken.SplitFirst(value);
        int? payloadType = null;
        if (head != "*")
        {
            if (!SdpPayloadType.TryParse(head, out int parsed))
            {
                error = $"a=rtcp-fb payload type '{SdpText.Excerpt(head)}' is neither '*' nor in the range 0-127";
                return false;
            }

            payloadType = parsed;
        }

        (string type, string parameter) = SdpToken.SplitFirst(rest);
        if (!SdpToken.IsToken(type))
        {
            error = "a=rtcp-fb needs a feedback type after the payload type";
            return false;
        }

        feedback = new SdpRtcpFeedback(payloadType, type, parameter.Length == 0 ? null : parameter);
        error = null;
        return true;
    }
}
