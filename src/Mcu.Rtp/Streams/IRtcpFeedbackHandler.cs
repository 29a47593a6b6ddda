using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Streams;

/// <summary>
/// Receives what <see cref="RtcpReporter.HandleCompound"/> found in a peer's compound RTCP, synchronously and
/// without allocation; the ref struct arguments are valid only during the call.
/// </summary>
public interface IRtcpFeedbackHandler
{
    /// <summary>A report block about one of our SSRCs; <paramref name="stream"/> already holds the new RTT and loss.</summary>
    void OnReceptionReport(SendStatistics stream, in ReportBlock block);

    /// <summary>Sequence numbers of <see cref="GenericNack.MediaSsrc"/> the peer lost (enumerate <see cref="GenericNack.LostSequenceNumbers"/>).</summary>
    void OnNack(GenericNack nack);

    /// <summary>
    /// A PLI, or one FIR entry, for <paramref name="mediaSsrc"/>; <paramref name="firSequenceNumber"/> is the FIR
    /// command sequence number (0 for PLI), for <see cref="KeyframeRequestDebouncer.OnFullIntraRequest"/>.
    /// </summary>
    void OnKeyframeRequest(uint mediaSsrc, KeyframeRequestMethod method, uint requesterSsrc, byte firSequenceNumber);

    /// <summary>The peer's estimate of the total bitrate it can receive.</summary>
    void OnRemb(ReceiverEstimatedMaxBitrate remb);

    /// <summary>The peer announced that <paramref name="ssrc"/> is leaving (RFC 3550 6.6).</summary>
    void OnGoodbye(uint ssrc);
}
