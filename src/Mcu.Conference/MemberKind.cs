namespace Mcu.Conference;

/// <summary>How someone takes part in a room.</summary>
public enum MemberKind
{
    /// <summary>Shown, heard, and receives the composite and the mix without their own voice.</summary>
    Participant,

    /// <summary>Shown and heard; receives nothing (a WHIP sendonly ingest).</summary>
    Publisher,

    /// <summary>Receives the composite and the full mix; neither shown nor heard (WHEP).</summary>
    Viewer,
}
