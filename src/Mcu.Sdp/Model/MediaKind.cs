namespace Mcu.Sdp;

/// <summary>The media type of an m= line, as far as the MCU cares.</summary>
public enum MediaKind
{
    /// <summary>Any media type other than audio, video or application (text, message...).</summary>
    Other,

    /// <summary>m=audio.</summary>
    Audio,

    /// <summary>m=video.</summary>
    Video,

    /// <summary>m=application, in WebRTC the SCTP data channel.</summary>
    Application,
}
