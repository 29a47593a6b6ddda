namespace Mcu.Rtp.Streams;

/// <summary>How a keyframe is asked for: PLI (RFC 4585 6.3.1) or FIR (RFC 5104 4.3.1, "ccm fir").</summary>
public enum KeyframeRequestMethod
{
    PictureLossIndication = 0,
    FullIntraRequest,
}
