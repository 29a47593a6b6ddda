namespace Mcu.Sdp;

/// <summary>The codec chosen for one m= section, with the format parameters each side declared for receiving.</summary>
public sealed record NegotiatedCodec(int PayloadType, string Name, int ClockRate, int Channels)
{
    /// <summary>Our a=fmtp parameters: how we want to receive (e.g. "minptime=10;useinbandfec=1").</summary>
    public string? LocalParameters { get; init; }

    /// <summary>The peer's a=fmtp parameters: how it wants to receive what we send (e.g. "stereo=1").</summary>
    public string? RemoteParameters { get; init; }
}
