namespace Mcu.Media.Native;

/// <summary>How many DCT token partitions a VP8 frame carries (RFC 6386 section 9.5); more let decoders use threads.</summary>
public enum Vp8TokenPartitions
{
    /// <summary>One partition.</summary>
    One = 0,

    /// <summary>Two partitions.</summary>
    Two = 1,

    /// <summary>Four partitions.</summary>
    Four = 2,

    /// <summary>Eight partitions.</summary>
    Eight = 3,
}
