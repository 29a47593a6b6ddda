namespace Mcu.Rtp.Vp8;

/// <summary>
/// Splits encoded VP8 frames into RTP payloads (RFC 7741 section 4): every payload carries a descriptor with
/// a 15-bit PictureID that increments per frame; S and PID 0 mark the first. Sizes are balanced so no packet
/// is much smaller than the others.
/// </summary>
public sealed class Vp8Packetizer
{
    /// <summary>X + I/L/T/K octet + two PictureID octets.</summary>
    public const int DescriptorSize = 4;

    private ushort _pictureId;

    public Vp8Packetizer(ushort initialPictureId = 0)
    {
        _pictureId = (ushort)(initialPictureId & 0x7FFF);
    }

    /// <summary>The PictureID the next frame will get.</summary>
    public ushort NextPictureId => _pictureId;

    /// <summary>
    /// Starts packetizing one frame into payloads of at most <paramref name="maxPayloadSize"/> bytes. False for
    /// an empty frame or a size that leaves no room for data. The frame span must stay valid while writing.
    /// </summary>
    public bool TryPacketize(ReadOnlySpan<byte> frame, int maxPayloadSize, out Vp8FramePayloads payloads)
    {
        payloads = default;
        if (frame.IsEmpty || maxPayloadSize <= DescriptorSize)
        {
            return false;
        }
        payloads = new Vp8FramePayloads(frame, maxPayloadSize - DescriptorSize, _pictureId);
        _pictureId = (ushort)((_pictureId + 1) & 0x7FFF);
        return true;
    }
}
