namespace Mcu.Srtp;

/// <summary>What one context remembers about one SSRC: indices sent and the replay windows of what was received.</summary>
internal sealed class SsrcState
{
    private long _highestSentRtpIndex = -1;
    private uint _nextSrtcpIndex;

    public SsrcState()
    {
    }

    /// <summary>Starts the SRTCP send counter elsewhere than 0, to reach its limit in tests.</summary>
    internal SsrcState(uint nextSrtcpIndex) => _nextSrtcpIndex = nextSrtcpIndex;

    /// <summary>Replay window of received SRTP; null until the first packet authenticates.</summary>
    public ReplayWindow? ReceivedRtp { get; set; }

    /// <summary>Replay window of received SRTCP; null until the first packet authenticates.</summary>
    public ReplayWindow? ReceivedRtcp { get; set; }

    /// <summary>The index for an outgoing RTP packet, or -1 if it would precede the stream's first.</summary>
    /// <remarks>The sender guesses like a receiver (RFC 3711 3.3.1), so a retransmission of a
    /// packet sent before a sequence wrap keeps the ROC it was first sent with.</remarks>
    public long NextRtpIndex(ushort sequenceNumber)
    {
        var index = _highestSentRtpIndex < 0
            ? sequenceNumber
            : SrtpPacketIndex.Estimate((ulong)_highestSentRtpIndex, sequenceNumber);
        if (index > _highestSentRtpIndex)
        {
            _highestSentRtpIndex = index;
        }
        return index;
    }

    /// <summary>Takes the next SRTCP index: 0 first, then one more per packet (RFC 3711 3.4), never past 2^31 - 1.</summary>
    public bool TryTakeSrtcpIndex(out uint index)
    {
        index = _nextSrtcpIndex;
        if (index > SrtcpIndex.Max)
        {
            return false;
        }
        _nextSrtcpIndex++;
        return true;
    }
}
