namespace Mcu.Rtp;

/// <summary>The header extensions this MCU understands; ids are negotiated per m-line in SDP.</summary>
public enum RtpExtensionKind : byte
{
    /// <summary>Not negotiated, or an extension we do not interpret.</summary>
    Unknown = 0,

    /// <summary>urn:ietf:params:rtp-hdrext:sdes:mid (RFC 8843 section 15).</summary>
    Mid,

    /// <summary>urn:ietf:params:rtp-hdrext:ssrc-audio-level (RFC 6464).</summary>
    AudioLevel,

    /// <summary>http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time.</summary>
    AbsSendTime,

    /// <summary>http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01.</summary>
    TransportSequenceNumber,
}
