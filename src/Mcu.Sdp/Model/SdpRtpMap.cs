using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>An a=rtpmap line (RFC 8866 §6.6): payload type to encoding name, clock rate and channels.</summary>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>Highest clock rate accepted; real codecs stop at 90 kHz video and 384 kHz audio.</summary>
    public const int MaxClockRate = 10_000_000;

    /// <summary>True when the encoding name matches, ignoring case (RFC 4855 §3: names are case-insensitive).</summary>
    public bool Is(string encodingName) => string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The attribute value, without "a=rtpmap:".</summary>
    public override string ToString() => Channels is { } channels
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{channels}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}");

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpRtpMap? map, [NotNullWhen(false)] out string? error)
    {
        map = null;
        string[] words = SdpToken.Words(value);
        if (words.Length != 2)
        {
            error = "a=rtpmap needs <payload type> <encoding name>/<clock rate>[/<channels>]";
            return false;
        }

        if (!SdpPayloadType.TryParse(words[0], out int payloadType))
        {
            error = $"a=rtpmap payload type '{SdpText.Excerpt(words[0])}' is not in the range 0-127";
            return false;
        }

        string[] parts = words[1].Split('/');
        if (parts.Length is < 2 or > 3 || !SdpToken.IsToken(parts[0]))
        {
            error = "a=rtpmap encoding must be <name>/<clock rate>[/<channels>]";
            return false;
        }

        if (!SdpNumber.TryParse(parts[1], 1, MaxClockRate, out int clockRate))
        {
            error = $"a=rtpmap clock rate '{SdpText.Excerpt(parts[1])}' is not in the range 1-{MaxClockRate}";
            return false;
        }

        int? channels = null;
        if (parts.Length == 3)
        {
            if (!SdpNumber.TryParse(parts[2], 1, 255, out int count))
            {
                error = $"a=rtpmap channel count '{SdpText.Excerpt(parts[2])}' is not in the range 1-255";
                return false;
            }

            channels = count;
        }

        map = new SdpRtpMap(payloadType, parts[0], clockRate, channels);
        error = null;
        return true;
    }
}
