namespace Mcu.Sdp;

/// <summary>One m= section of a trickle fragment: which section (mid) the candidates belong to.</summary>
public sealed class TrickleMedia
{
    /// <summary>The mid of the m= section of the full description these candidates belong to.</summary>
    public string? Mid { get; set; }

    /// <summary>The media type written on the fragment's placeholder m= line.</summary>
    public string MediaType { get; set; } = "audio";

    /// <summary>Candidates in order.</summary>
    public List<IceCandidate> Candidates { get; } = [];

    /// <summary>a=end-of-candidates for this section.</summary>
    public bool EndOfCandidates { get; set; }
}
