namespace Mcu.Media.Audio;

/// <summary>What <see cref="AudioJitterBuffer.Insert"/> did with a packet.</summary>
public enum AudioJitterInsertResult
{
    /// <summary>Stored for playout.</summary>
    Buffered,

    /// <summary>Stored after a timestamp discontinuity: everything older was flushed and playout starts over.</summary>
    Resynchronized,

    /// <summary>Dropped: a copy is already buffered.</summary>
    Duplicate,

    /// <summary>Dropped: its playout time has passed (or it was already played).</summary>
    Late,

    /// <summary>Dropped: too far ahead of the playout position, or every slot is taken.</summary>
    Overflow,

    /// <summary>Dropped: empty, larger than a slot, or of an invalid duration or level.</summary>
    Malformed,
}
