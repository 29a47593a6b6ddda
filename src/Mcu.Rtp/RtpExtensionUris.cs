namespace Mcu.Rtp;

/// <summary>The extmap URIs (RFC 8285 section 5) of <see cref="RtpExtensionKind"/> values.</summary>
public static class RtpExtensionUris
{
    public const string Mid = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public const string AudioLevel = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public const string AbsSendTime = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public const string TransportSequenceNumber = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /// <summary>The kind named by an extmap URI; <see cref="RtpExtensionKind.Unknown"/> for any other URI.</summary>
    public static RtpExtensionKind GetKind(ReadOnlySpan<char> uri) =>
        uri.SequenceEqual(Mid) ? RtpExtensionKind.Mid :
        uri.SequenceEqual(AudioLevel) ? RtpExtensionKind.AudioLevel :
        uri.SequenceEqual(AbsSendTime) ? RtpExtensionKind.AbsSendTime :
        uri.SequenceEqual(TransportSequenceNumber) ? RtpExtensionKind.TransportSequenceNumber :
        RtpExtensionKind.Unknown;

    /// <summary>The URI of a known kind; null for <see cref="RtpExtensionKind.Unknown"/>.</summary>
    public static string? GetUri(RtpExtensionKind kind) => kind switch
    {
        RtpExtensionKind.Mid => Mid,
        RtpExtensionKind.AudioLevel => AudioLevel,
        RtpExtensionKind.AbsSendTime => AbsSendTime,
        RtpExtensionKind.TransportSequenceNumber => TransportSequenceNumber,
        _ => null,
    };
}
