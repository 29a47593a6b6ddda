using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Streams;

/// <summary>
/// Receive side of keyframe requests for one incoming video stream: while the decoder needs a keyframe, writes
/// a PLI, or a FIR when only "ccm fir" was negotiated, at most once per <see cref="MinInterval"/>, until one arrives.
/// </summary>
/// <remarks>
/// RFC 5104 4.3.1.1: repetitions of a FIR for the same need keep its command sequence number; the next need,
/// after a keyframe arrived, uses the next number.
/// </remarks>
public sealed class KeyframeRequester
{
    public static readonly TimeSpan DefaultMinInterval = TimeSpan.FromMilliseconds(300);

    private bool _sentForCurrentNeed;
    private bool _hasSent;
    private TimeSpan _lastSent;
    private byte _firSequenceNumber;

    /// <param name="senderSsrc">Our SSRC in the feedback packets.</param>
    /// <param name="mediaSsrc">The SSRC of the stream we need a keyframe of.</param>
    /// <param name="method">PLI, or FIR when the peer negotiated only "ccm fir".</param>
    /// <param name="minInterval">Shortest time between two requests; <see cref="DefaultMinInterval"/> when null.</param>
    public KeyframeRequester(uint senderSsrc, uint mediaSsrc, KeyframeRequestMethod method = KeyframeRequestMethod.PictureLossIndication, TimeSpan? minInterval = null)
    {
        MinInterval = minInterval ?? DefaultMinInterval;
        if (MinInterval < TimeSpan.Zero || method is not (KeyframeRequestMethod.PictureLossIndication or KeyframeRequestMethod.FullIntraRequest))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(minInterval));
        }
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        Method = method;
    }

    public uint SenderSsrc { get; }

    public uint MediaSsrc { get; }

    public KeyframeRequestMethod Method { get; }

    public TimeSpan MinInterval { get; }

    /// <summary>True from <see cref="Request"/> until <see cref="OnKeyframeReceived"/>.</summary>
    public bool IsNeeded { get; private set; }

    public long RequestsSent { get; private set; }

    /// <summary>When <see cref="TryWrite"/> will next write; <see cref="TimeSpan.MaxValue"/> when no keyframe is needed.</summary>
    public TimeSpan NextDeadline => !IsNeeded ? TimeSpan.MaxValue : _hasSent ? _lastSent + MinInterval : TimeSpan.Zero;

    /// <summary>The decoder cannot continue without a keyframe (loss it could not conceal, NACK gave up, a new stream).</summary>
    public void Request() => IsNeeded = true;

    /// <summary>A keyframe arrived: stop asking, and number the next FIR anew.</summary>
    public void OnKeyframeReceived()
    {
        if (IsNeeded && _sentForCurrentNeed)
        {
            _firSequenceNumber++;
        }
        IsNeeded = false;
        _sentForCurrentNeed = false;
    }

    /// <summary>Writes the PLI or FIR when one is needed and the interval since the last has passed.</summary>
    public bool TryWrite(TimeSpan now, Span<byte> destination, out int written)
    {
        written = 0;
        if (!IsNeeded || (_hasSent && now - _lastSent < MinInterval))
        {
            return false;
        }
        var ok = Method == KeyframeRequestMethod.FullIntraRequest
            ? FullIntraRequest.TryWrite(destination, SenderSsrc, [new FirEntry(MediaSsrc, _firSequenceNumber)], out written)
            : PictureLossIndication.TryWrite(destination, SenderSsrc, MediaSsrc, out written);
        if (!ok)
        {
            return false;
        }
        _hasSent = true;
        _lastSent = now;
        _sentForCurrentNeed = true;
        RequestsSent++;
        return true;
    }
}
