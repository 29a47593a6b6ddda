namespace Mcu.Rtp.Vp8;

/// <summary>
/// The VP8 payload header at the start of a frame's first partition (RFC 7741 section 4.3; RFC 6386 section
/// 9.1): the 3-byte frame tag and, for key frames, the start code and dimensions that follow.
/// </summary>
public readonly record struct Vp8PayloadHeader(
    bool IsKeyframe,
    byte Version,
    bool ShowFrame,
    int FirstPartitionSize,
    ushort Width,
    ushort Height,
    byte HorizontalScale,
    byte VerticalScale)
{
    public const int FrameTagSize = 3;
    public const int KeyframeHeaderSize = 10;

    /// <summary>
    /// Reads the frame tag (and key frame header); false when the data is too short or a key frame lacks the
    /// 0x9d 0x01 0x2a start code. Dimensions are 0 for interframes.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, out Vp8PayloadHeader header)
    {
        header = default;
        if (frame.Length < FrameTagSize)
        {
            return false;
        }
        // Little-endian 24 bits: P (inverse key frame flag) in bit 0, VER in bits 1-3, H in bit 4, size above.
        var tag = frame[0] | (frame[1] << 8) | (frame[2] << 16);
        var isKeyframe = (tag & 1) == 0;
        var version = (byte)((tag >> 1) & 7);
        var show = (tag & 0x10) != 0;
        var size = tag >> 5;
        if (!isKeyframe)
        {
            header = new Vp8PayloadHeader(false, version, show, size, 0, 0, 0, 0);
            return true;
        }
        if (frame.Length < KeyframeHeaderSize || frame[3] != 0x9D || frame[4] != 0x01 || frame[5] != 0x2A)
        {
            return false;
        }
        var width = frame[6] | (frame[7] << 8);
        var height = frame[8] | (frame[9] << 8);
        header = new Vp8PayloadHeader(
            true, version, show, size,
            (ushort)(width & 0x3FFF), (ushort)(height & 0x3FFF),
            (byte)(width >> 14), (byte)(height >> 14));
        return true;
    }

    /// <summary>Whether <paramref name="frame"/> is a whole, well-formed key frame header: a point a stream can start from.</summary>
    public static bool StartsKeyframe(ReadOnlySpan<byte> frame) => TryParse(frame, out var header) && header.IsKeyframe;
}
