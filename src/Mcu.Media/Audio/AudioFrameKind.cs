namespace Mcu.Media.Audio;

/// <summary>Where the audio of one 20 ms tick came from, ordered from best to most made-up.</summary>
public enum AudioFrameKind
{
    /// <summary>Nothing to play: not started, idle, or concealment ran out.</summary>
    Silence,

    /// <summary>Decoded from received packets.</summary>
    Decoded,

    /// <summary>At least part recovered from the next packet's in-band FEC.</summary>
    FecRecovered,

    /// <summary>At least part concealed (loss concealment extrapolating the past).</summary>
    Concealed,
}
