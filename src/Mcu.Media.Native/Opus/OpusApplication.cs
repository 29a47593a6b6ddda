namespace Mcu.Media.Native;

/// <summary>The libopus application mode.</summary>
public enum OpusApplication
{
    /// <summary>Speech: favours intelligibility; SILK and in-band FEC available.</summary>
    Voip = 0,

    /// <summary>Music or mixed content.</summary>
    Audio = 1,

    /// <summary>CELT only, lowest delay, no FEC.</summary>
    LowDelay = 2,
}
