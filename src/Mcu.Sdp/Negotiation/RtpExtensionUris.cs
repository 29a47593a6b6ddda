namespace Mcu.Sdp;

/// <summary>URIs of the RTP header extensions the MCU negotiates or recognises.</summary>
public static class RtpExtensionUris
{
    /// <summary>RFC 8843: the mid of the m= section a packet belongs to.</summary>
    public const string Mid = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /// <summary>RFC 6464: client-to-mixer audio level.</summary>
    public const string SsrcAudioLevel = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>Absolute send time, used with goog-remb bandwidth estimation.</summary>
    public const string AbsSendTime = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    /// <summary>Transport-wide sequence numbers for transport-cc feedback.</summary>
    public const string TransportWideCc = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /// <summary>RFC 8852: the rid of a simulcast layer (recognised, not accepted).</summary>
    public const string RtpStreamId = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
}
