namespace Mcu.Rtp.Streams;

/// <summary>
/// Collapses keyframe requests from every receiver of one encoder (PLI, FIR) into at most one encoder keyframe
/// per <see cref="MinInterval"/>. A request in the quiet period after a keyframe is remembered and served when
/// the period ends, never dropped; <see cref="Force"/> (a receiver joined, the layout changed) is served at once.
/// </summary>
/// <remarks>
/// The encoder asks <see cref="TryTakeKeyframe"/> before each frame. RFC 5104 4.3.1.1 numbers FIR commands per
/// (requester, media sender) pair and keeps the number for repetitions, so a FIR repeating the previous number of
/// its pair is a retransmission of a request already counted, and is ignored.
/// </remarks>
public sealed class KeyframeRequestDebouncer
{
    public static readonly TimeSpan DefaultMinInterval = TimeSpan.FromMilliseconds(500);

    // Keyed by requester SSRC (high 32 bits) and media SSRC (low 32 bits); one entry per receiver of the encoder.
    private readonly Dictionary<ulong, byte> _lastFirSequence = new();
    private bool _pending;
    private bool _forced;
    private bool _hasKeyframe;
    private TimeSpan _lastKeyframe;

    public KeyframeRequestDebouncer(TimeSpan? minInterval = null)
    {
        MinInterval = minInterval ?? DefaultMinInterval;
        if (MinInterval < TimeSpan.Zero)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(minInterval));
        }
    }

    public TimeSpan MinInterval { get; }

    /// <summary>True while a request waits to be served.</summary>
    public bool IsPending => _pending || _forced;

    public long RequestsReceived { get; private set; }

    public long DuplicateFirsIgnored { get; private set; }

    public long KeyframesRequested { get; private set; }

    /// <summary>When <see cref="TryTakeKeyframe"/> will next say yes; <see cref="TimeSpan.MaxValue"/> with nothing pending.</summary>
    public TimeSpan NextDeadline => _forced || (_pending && !_hasKeyframe)
        ? TimeSpan.Zero
        : _pending ? _lastKeyframe + MinInterval : TimeSpan.MaxValue;

    /// <summary>A receiver sent a PLI for this encoder's stream.</summary>
    public void OnPictureLossIndication()
    {
        RequestsReceived++;
        _pending = true;
    }

    /// <summary>A receiver sent a FIR entry for this encoder's stream; false when it repeats the previous command.</summary>
    public bool OnFullIntraRequest(uint requesterSsrc, uint mediaSsrc, byte sequenceNumber)
    {
        var key = ((ulong)requesterSsrc << 32) | mediaSsrc;
        if (_lastFirSequence.TryGetValue(key, out var last) && last == sequenceNumber)
        {
            DuplicateFirsIgnored++;
            return false;
        }
        _lastFirSequence[key] = sequenceNumber;
        RequestsReceived++;
        _pending = true;
        return true;
    }

    /// <summary>Forgets a receiver's FIR numbering (it left).</summary>
    public void RemoveRequester(uint requesterSsrc, uint mediaSsrc) => _lastFirSequence.Remove(((ulong)requesterSsrc << 32) | mediaSsrc);

    /// <summary>The next frame must be a keyframe regardless of the quiet period (a receiver joined, the layout changed).</summary>
    public void Force() => _forced = true;

    /// <summary>True when the frame encoded at <paramref name="now"/> must be a keyframe; starts a quiet period.</summary>
    public bool TryTakeKeyframe(TimeSpan now)
    {
        if (!_forced && !(_pending && (!_hasKeyframe || now - _lastKeyframe >= MinInterval)))
        {
            return false;
        }
        KeyframesRequested++;
        OnKeyframeEncoded(now);
        return true;
    }

    /// <summary>
    /// The encoder produced a keyframe on its own (first frame, periodic refresh): it serves every request
    /// received so far and starts a quiet period.
    /// </summary>
    public void OnKeyframeEncoded(TimeSpan now)
    {
        _pending = false;
        _forced = false;
        _hasKeyframe = true;
        _lastKeyframe = now;
    }
}
