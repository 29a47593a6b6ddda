namespace Mcu.Sdp;

/// <summary>What our client role offers: one audio section (Opus) and one video section (VP8 + RTX), bundled.</summary>
public sealed class SdpOfferOptions
{
    /// <summary>Our ICE credentials, certificate fingerprint and host candidates.</summary>
    public required LocalTransport Transport { get; init; }

    /// <summary>The audio stream we send, or null to only receive audio.</summary>
    public LocalTrack? AudioTrack { get; init; }

    /// <summary>The video stream we send (set <see cref="LocalTrack.RtxSsrc"/> for RTX), or null to only receive video.</summary>
    public LocalTrack? VideoTrack { get; init; }

    /// <summary>Whether we want to receive audio.</summary>
    public bool ReceiveAudio { get; init; } = true;

    /// <summary>Whether we want to receive video.</summary>
    public bool ReceiveVideo { get; init; } = true;

    /// <summary>Offer transport-cc feedback and the transport-wide sequence number extension.</summary>
    public bool EnableTransportCc { get; init; }

    /// <summary>The dynamic payload type for Opus; 111 as Chromium uses.</summary>
    public int OpusPayloadType { get; init; } = 111;

    /// <summary>The dynamic payload type for VP8; 96 as Chromium uses.</summary>
    public int Vp8PayloadType { get; init; } = 96;

    /// <summary>The dynamic payload type for VP8's RTX; 97 as Chromium uses.</summary>
    public int RtxPayloadType { get; init; } = 97;

    /// <summary>The o= session id of the offer; random by default.</summary>
    public ulong SessionId { get; init; } = SdpAnswerOptions.NewSessionId();

    /// <summary>Limits applied when the answer is given as text.</summary>
    public SdpLimits Limits { get; init; } = SdpLimits.Default;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Transport);
        Transport.Validate();
        ArgumentNullException.ThrowIfNull(Limits);
        AudioTrack?.Validate();
        VideoTrack?.Validate();
        foreach (int payloadType in (ReadOnlySpan<int>)[OpusPayloadType, Vp8PayloadType, RtxPayloadType])
        {
            // RFC 3551 §6 leaves 96-127 for dynamic assignment.
            ArgumentOutOfRangeException.ThrowIfLessThan(payloadType, 96);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, 127);
        }

        if (Vp8PayloadType == RtxPayloadType || OpusPayloadType == Vp8PayloadType || OpusPayloadType == RtxPayloadType)
        {
            throw new ArgumentException("The Opus, VP8 and RTX payload types must differ.");
        }
    }
}
