namespace Mcu.Rtp.Vp8;

/// <summary>What <see cref="Vp8FrameAssembler.Insert"/> did with a packet.</summary>
public enum Vp8InsertStatus : byte
{
    /// <summary>Stored (a padding-only packet is stored as received, with no content).</summary>
    Accepted = 0,

    /// <summary>That sequence number is already held.</summary>
    Duplicate,

    /// <summary>Older than what was already delivered or given up on; too late to matter.</summary>
    TooOld,

    /// <summary>Bad descriptor, no VP8 data after it, or a frame start without a valid payload header.</summary>
    Malformed,

    /// <summary>Larger than the assembler's per-packet slot.</summary>
    TooLarge,
}
