using System.Globalization;
using System.Text;

namespace Mcu.Sdp;

/// <summary>Finds the codecs the MCU supports among a section's formats: Opus for audio, VP8 (+ RTX) for video.</summary>
internal static class CodecSelection
{
    public const string Opus = "opus";
    public const string Vp8 = "VP8";
    public const string Rtx = "rtx";
    public const int OpusClockRate = 48000;
    public const int VideoClockRate = 90000;

    /// <summary>The first Opus format in preference order. RFC 7587 fixes opus/48000/2; a missing channel
    /// count is tolerated.</summary>
    public static SdpRtpMap? FindOpus(MediaDescription media) =>
        Find(media, map => map.Is(Opus) && map.ClockRate == OpusClockRate && map.Channels is null or 2);

    /// <summary>The first VP8 format in preference order (RFC 7741: VP8/90000).</summary>
    public static SdpRtpMap? FindVp8(MediaDescription media) =>
        Find(media, map => map.Is(Vp8) && map.ClockRate == VideoClockRate);

    /// <summary>The first listed RTX format whose apt= names the given payload type (RFC 4588).</summary>
    public static int? FindRtx(MediaDescription media, int associatedPayloadType)
    {
        SdpRtpMap? rtx = Find(media, map =>
            map.Is(Rtx) && map.ClockRate == VideoClockRate
            && media.FindFmtp(map.PayloadType) is { } fmtp
            && fmtp.TryGetParameter("apt", out string? apt)
            && SdpPayloadType.TryParse(apt, out int associated)
            && associated == associatedPayloadType);
        return rtx?.PayloadType;
    }

    /// <summary>"opus, G722, PCMU" for an error message: the distinct encoding names, in format order.</summary>
    public static string DescribeOffered(MediaDescription media)
    {
        var names = new List<string>();
        foreach (string format in media.Formats)
        {
            string name = SdpPayloadType.TryParse(format, out int payloadType) && media.FindRtpMap(payloadType) is { } map
                ? map.EncodingName
                : "payload type " + format;
            if (!names.Exists(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(name);
            }
        }

        var text = new StringBuilder();
        foreach (string name in names)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(name);
        }

        return text.ToString();
    }

    /// <summary>Our Opus a=fmtp: in-band FEC on, stereo as the peer offered it, the peer's minptime or 10 ms.</summary>
    public static string OpusLocalParameters(SdpFmtp? offered)
    {
        int minptime = 10;
        if (offered is not null && offered.TryGetParameter("minptime", out string? value)
            && SdpNumber.TryParse(value, 3, 120, out int parsed))
        {
            minptime = parsed;
        }

        string parameters = string.Create(CultureInfo.InvariantCulture, $"minptime={minptime};useinbandfec=1");
        return offered is not null && offered.TryGetParameter("stereo", out string? stereo) && stereo == "1"
            ? parameters + ";stereo=1"
            : parameters;
    }

    private static SdpRtpMap? Find(MediaDescription media, Func<SdpRtpMap, bool> match)
    {
        foreach (string format in media.Formats)
        {
            if (SdpPayloadType.TryParse(format, out int payloadType) && media.FindRtpMap(payloadType) is { } map && match(map))
            {
                return map;
            }
        }

        return null;
    }
}
