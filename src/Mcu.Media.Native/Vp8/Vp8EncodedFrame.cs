namespace Mcu.Media.Native;

/// <summary>
/// One compressed VP8 frame in encoder-owned memory, valid until the encoder's next
/// <see cref="Vp8Encoder.Encode(in Mcu.Media.Video.I420View, long)"/> or Dispose.
/// </summary>
public readonly ref struct Vp8EncodedFrame
{
    internal Vp8EncodedFrame(ReadOnlySpan<byte> data, bool isKeyframe, long pts)
    {
        Data = data;
        IsKeyframe = isKeyframe;
        Pts = pts;
    }

    /// <summary>The VP8 frame (RFC 6386), ready for the RTP payloader; empty when dropped.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>True when the frame is a keyframe, decodable on its own.</summary>
    public bool IsKeyframe { get; }

    /// <summary>The presentation time given to Encode, in 90 kHz units.</summary>
    public long Pts { get; }

    /// <summary>True when rate control dropped the frame (only with a drop-frame threshold).</summary>
    public bool IsDropped => Data.IsEmpty;
}
