namespace Mcu.Sdp;

/// <summary>The outcome of offer/answer for one m= section, from this side's point of view.</summary>
public sealed class NegotiatedMedia
{
    /// <summary>0-based position of the m= section.</summary>
    public required int Index { get; init; }

    /// <summary>a=mid, if the section has one.</summary>
    public string? Mid { get; init; }

    /// <summary>The media kind.</summary>
    public required MediaKind Kind { get; init; }

    /// <summary>False when the section was answered with port 0; see <see cref="RejectionReason"/>.</summary>
    public bool Accepted => RejectionReason is null;

    /// <summary>Why the section was rejected, in words fit for a log or an HTTP body; null when accepted.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>Our direction: sendrecv means we send and receive on this section.</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.Inactive;

    /// <summary>True when we send media on this section.</summary>
    public bool Sending => Accepted && Direction.Sends();

    /// <summary>True when we receive media on this section.</summary>
    public bool Receiving => Accepted && Direction.Receives();

    /// <summary>The codec: Opus for audio, VP8 for video; null when rejected.</summary>
    public NegotiatedCodec? Codec { get; init; }

    /// <summary>The RTX payload type paired with the video codec (apt=), if negotiated.</summary>
    public int? RtxPayloadType { get; init; }

    /// <summary>RTCP feedback both sides agreed on for <see cref="Codec"/>.</summary>
    public RtcpFeedbackKinds Feedback { get; init; }

    /// <summary>a=rtcp-rsize was agreed: reduced-size RTCP (RFC 5506) may be sent and must be accepted.</summary>
    public bool RtcpReducedSize { get; init; }

    /// <summary>Header extensions in use on this section, with their ids. Ids are unique across the BUNDLE group.</summary>
    public IReadOnlyList<SdpExtmap> Extensions { get; init; } = [];

    /// <summary>Offered extensions we support but dropped because their id clashed within the BUNDLE group.</summary>
    public IReadOnlyList<SdpExtmap> DroppedExtensions { get; init; } = [];

    /// <summary>Streams the peer announced (a=ssrc) for this section.</summary>
    public IReadOnlyList<RemoteSource> RemoteSources { get; init; } = [];

    /// <summary>The rids the peer offered to send (RFC 8853 simulcast), in its order of preference.</summary>
    public IReadOnlyList<string> RemoteRids { get; init; } = [];

    /// <summary>The layer the peer will send. The MCU does not do simulcast: the answer carries no a=simulcast or
    /// a=rid, and a browser whose simulcast offer is answered that way keeps only its first encoding (W3C
    /// webrtc-pc, applying a remote answer), so this is the first rid of the offer; null without rids. Browsers
    /// list encodings in the application's order, so applications should put the layer they want first.</summary>
    public string? SelectedRid { get; init; }

    /// <summary>The stream we send on this section, if any.</summary>
    public LocalTrack? LocalTrack { get; init; }

    /// <summary>The id of an extension on this section, if negotiated.</summary>
    public int? FindExtensionId(string uri)
    {
        foreach (SdpExtmap extension in Extensions)
        {
            if (string.Equals(extension.Uri, uri, StringComparison.Ordinal))
            {
                return extension.Id;
            }
        }

        return null;
    }
}
