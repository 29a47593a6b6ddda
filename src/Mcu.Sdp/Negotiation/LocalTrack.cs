namespace Mcu.Sdp;

/// <summary>A stream this side sends in one m= section: its SSRCs and the names announced in a=msid and a=ssrc.</summary>
public sealed record LocalTrack(uint Ssrc, string Cname, string StreamId, string TrackId)
{
    /// <summary>The RTX (RFC 4588) SSRC for video, paired with <see cref="Ssrc"/> by a=ssrc-group:FID.</summary>
    public uint? RtxSsrc { get; init; }

    internal void Validate()
    {
        if (!SdpMsid.IsId(StreamId) || !SdpMsid.IsId(TrackId))
        {
            throw new ArgumentException("Stream and track ids must be 1-64 token characters (RFC 8830 §2).");
        }

        if (string.IsNullOrEmpty(Cname) || !SdpToken.IsVisible(Cname))
        {
            throw new ArgumentException("The CNAME must be visible ASCII without spaces.");
        }

        if (RtxSsrc == Ssrc)
        {
            throw new ArgumentException("The RTX SSRC must differ from the media SSRC.");
        }
    }
}
