namespace Mcu.Media.Native;

/// <summary>What <see cref="Vp8Decoder.Decode"/> made of a frame.</summary>
public enum Vp8DecodeStatus
{
    /// <summary>A clean picture came out.</summary>
    Decoded,

    /// <summary>
    /// The data decoded, but the picture is built on damaged references (an earlier
    /// frame was lost or rejected). The picture, if any, may show artefacts: request a keyframe.
    /// </summary>
    Corrupted,

    /// <summary>The frame was valid but not meant for display (no picture came out).</summary>
    NoFrame,

    /// <summary>The decoder refused the data (truncated, corrupt, empty or not VP8): no picture; request a keyframe.</summary>
    Rejected,
}
