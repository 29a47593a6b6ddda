namespace Mcu.Media.Audio;

/// <summary>What <see cref="AudioJitterBuffer.Pop"/> has for the current playout position.</summary>
public enum AudioJitterStatus
{
    /// <summary>Not playing: nothing received yet, still filling up, or idle after a pause.</summary>
    NoData,

    /// <summary>The packet due now.</summary>
    Packet,

    /// <summary>
    /// The packet due now is absent (lost, late, or a sender pause): conceal it, or recover it
    /// from the next packet's FEC when that is present.
    /// </summary>
    Missing,
}
