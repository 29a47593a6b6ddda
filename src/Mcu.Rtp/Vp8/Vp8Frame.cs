namespace Mcu.Rtp.Vp8;

/// <summary>A complete, decodable VP8 frame taken from <see cref="Vp8FrameAssembler"/>; its bytes are in the caller's buffer.</summary>
/// <param name="Length">Bytes written to the destination.</param>
/// <param name="Width">Width from the key frame header; 0 for interframes.</param>
/// <param name="Height">Height from the key frame header; 0 for interframes.</param>
/// <param name="PictureId">PictureID of the frame, -1 when the sender sent none.</param>
/// <param name="TemporalLayerId">TID, -1 when absent.</param>
/// <param name="AfterLoss">Delivered after lost packets because its references were intact (see the assembler).</param>
public readonly record struct Vp8Frame(
    int Length,
    uint Timestamp,
    ushort FirstSequenceNumber,
    ushort LastSequenceNumber,
    bool IsKeyframe,
    ushort Width,
    ushort Height,
    int PictureId,
    int TemporalLayerId,
    bool AfterLoss);
