namespace Mcu.Media.Audio;

/// <summary>What an <see cref="AudioReceiver"/> produced for one tick.</summary>
/// <param name="Kind">Where the audio came from.</param>
/// <param name="LevelDbov">The RMS level of the produced PCM in dBov (-127 for silence).</param>
/// <param name="ReportedLevel">The sender's RFC 6464 level (-dBov, 0..127) of the last packet played, when it carried one.</param>
public readonly record struct AudioFrameInfo(AudioFrameKind Kind, double LevelDbov, byte? ReportedLevel)
{
    /// <summary>Whether the audio is what the participant sent (decoded or FEC-recovered), not made up or silence.</summary>
    public bool IsReal => Kind is AudioFrameKind.Decoded or AudioFrameKind.FecRecovered;

    /// <summary>
    /// The level to rank speakers by: the sender's RFC 6464 level when real audio carried one
    /// (measured before encoding, so codec and concealment do not colour it), else the decoded level.
    /// </summary>
    public double SpeakerLevelDbov => IsReal && ReportedLevel is byte reported ? AudioLevel.FromRfc6464(reported) : LevelDbov;
}
