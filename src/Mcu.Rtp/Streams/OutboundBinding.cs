namespace Mcu.Rtp.Streams;

/// <summary>
/// One receiver's view of a shared outgoing stream (e.g. the room's composite video): rewrites each packet of the
/// source to the receiver's SSRC, payload type, sequence numbers and timestamps, keeps them continuous when the
/// source is replaced, and remembers the mappings so the receiver's NACKs translate back to source sequence
/// numbers for <see cref="RetransmissionHistory"/>.
/// </summary>
/// <remarks>
/// A source change is signalled by <see cref="ChangeSource"/> or noticed as a different source SSRC. The receiver's
/// sequence numbers then continue by one. Its timestamps keep the current offset when the new source's timestamps
/// already continue forward (a room-clock based encoder), and are otherwise re-based to the last timestamp plus the
/// wall time elapsed since it, so the receiver's jitter buffer sees a monotonic, real-time clock. The binding owns
/// the receiver's <see cref="Statistics"/> and keeps its SR clock equal to the source clock plus the current offset.
/// </remarks>
public sealed class OutboundBinding
{
    // Mappings kept for NACK translation: the current one and the previous few source changes.
    private const int MappingHistory = 4;

    // Forward timestamp steps larger than this at a source change are treated as a new time base.
    private static readonly TimeSpan MaxContinuousGap = TimeSpan.FromSeconds(5);

    private readonly Segment[] _segments = new Segment[MappingHistory];
    private readonly ushort _initialSequenceNumber;
    private int _segmentCount;
    private int _current;
    private bool _started;
    private bool _sourceChanged;
    private uint _sourceSsrc;
    private RtpClockMapping _sourceClock;
    private long _lastExtendedSequence;
    private uint _lastTimestamp;
    private TimeSpan _lastTime;
    private ushort _rtxSequenceNumber;

    /// <param name="ssrc">The receiver's SSRC for this stream.</param>
    /// <param name="payloadType">The payload type the receiver negotiated.</param>
    /// <param name="initialSequenceNumber">The receiver's random first sequence number (RFC 3550 5.1).</param>
    /// <param name="timestampOffset">The receiver's random timestamp offset from the source clock (RFC 3550 5.1).</param>
    /// <param name="sourceClock">The source's timestamp clock, from the room clock.</param>
    /// <param name="rtx">The receiver's RTX stream when it negotiated one.</param>
    public OutboundBinding(uint ssrc, byte payloadType, ushort initialSequenceNumber, uint timestampOffset, RtpClockMapping sourceClock, RtxParameters? rtx = null)
    {
        if (payloadType > 127)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(payloadType));
        }
        if (rtx is { PayloadType: > 127 })
        {
            ThrowHelper.ArgumentOutOfRange(nameof(rtx));
        }
        Ssrc = ssrc;
        PayloadType = payloadType;
        _initialSequenceNumber = initialSequenceNumber;
        _sourceClock = sourceClock;
        _segments[0] = new Segment(0, new SequenceMapping(0, timestampOffset));
        Statistics = new SendStatistics(ssrc, sourceClock.WithOffset(timestampOffset));
        if (rtx is { } parameters)
        {
            HasRtx = true;
            RtxSsrc = parameters.Ssrc;
            RtxPayloadType = parameters.PayloadType;
            _rtxSequenceNumber = parameters.InitialSequenceNumber;
        }
    }

    public uint Ssrc { get; }

    public byte PayloadType { get; }

    public bool HasRtx { get; }

    public uint RtxSsrc { get; }

    public byte RtxPayloadType { get; }

    /// <summary>Packet counts and the SR clock of <see cref="Ssrc"/>; register it with the peer's <see cref="RtcpReporter"/>.</summary>
    public SendStatistics Statistics { get; }

    /// <summary>The mapping applied to the current source's packets.</summary>
    public SequenceMapping CurrentMapping => _segments[_current].Mapping;

    /// <summary>The receiver sequence number of the last packet rewritten.</summary>
    public ushort LastSequenceNumber => (ushort)_lastExtendedSequence;

    public uint LastTimestamp => _lastTimestamp;

    /// <summary>Source changes handled so far.</summary>
    public long SourceChanges { get; private set; }

    /// <summary>The next packet comes from a new source whose timestamps follow <paramref name="sourceClock"/>.</summary>
    public void ChangeSource(RtpClockMapping sourceClock)
    {
        _sourceClock = sourceClock;
        _sourceChanged = true;
    }

    /// <summary>
    /// Rewrites a copy of a source packet in place for this receiver (the marker bit, extensions and payload are
    /// kept) and counts it in <see cref="Statistics"/>. False for a buffer that is not an RTP packet.
    /// </summary>
    public bool TryRewrite(TimeSpan now, Span<byte> packet)
    {
        if (!RtpPacket.TryParse(packet, out var parsed))
        {
            return false;
        }
        var sequenceNumber = parsed.SequenceNumber;
        var timestamp = parsed.Timestamp;
        var sourceSsrc = parsed.Ssrc;
        var payloadLength = parsed.Payload.Length;
        if (!_started)
        {
            _started = true;
            _sourceSsrc = sourceSsrc;
            _sourceChanged = false;
            _lastExtendedSequence = _initialSequenceNumber - 1;
            var first = new SequenceMapping(unchecked((ushort)(_initialSequenceNumber - sequenceNumber)), CurrentMapping.TimestampOffset);
            _segments[0] = new Segment(_initialSequenceNumber, first);
            _segmentCount = 1;
            Statistics.Clock = _sourceClock.WithOffset(first.TimestampOffset);
        }
        else if (_sourceChanged || sourceSsrc != _sourceSsrc)
        {
            StartSegment(now, sequenceNumber, timestamp);
            _sourceSsrc = sourceSsrc;
            _sourceChanged = false;
        }
        var mapping = CurrentMapping;
        var outSequence = mapping.ToReceiver(sequenceNumber);
        var outTimestamp = mapping.ToReceiverTimestamp(timestamp);
        var extended = _lastExtendedSequence + SerialNumber.Difference(outSequence, (ushort)_lastExtendedSequence);
        if (extended > _lastExtendedSequence)
        {
            _lastExtendedSequence = extended;
            _lastTimestamp = outTimestamp;
            _lastTime = now;
        }
        RtpRewriter.TryRewrite(packet, PayloadType, outSequence, outTimestamp, Ssrc);
        Statistics.OnPacketSent(payloadLength);
        return true;
    }

    /// <summary>
    /// The mapping under which the receiver got <paramref name="receiverSequenceNumber"/>, for answering its NACK.
    /// False when that number was never sent or predates the mappings kept.
    /// </summary>
    public bool TryGetMapping(ushort receiverSequenceNumber, out SequenceMapping mapping)
    {
        mapping = default;
        if (!_started)
        {
            return false;
        }
        var extended = _lastExtendedSequence + SerialNumber.Difference(receiverSequenceNumber, (ushort)_lastExtendedSequence);
        if (extended > _lastExtendedSequence)
        {
            return false;
        }
        for (var i = 0; i < _segmentCount; i++)
        {
            ref readonly var segment = ref _segments[(_current - i + MappingHistory) % MappingHistory];
            if (extended >= segment.Start)
            {
                mapping = segment.Mapping;
                return true;
            }
        }
        return false;
    }

    /// <summary>Takes the next RTX sequence number (RFC 4588 4: the RTX stream has its own sequence).</summary>
    public ushort NextRtxSequenceNumber() => _rtxSequenceNumber++;

    private void StartSegment(TimeSpan now, ushort sequenceNumber, uint timestamp)
    {
        var sequenceOffset = unchecked((ushort)(_lastExtendedSequence + 1 - sequenceNumber));
        var timestampOffset = CurrentMapping.TimestampOffset;
        var step = SerialNumber.Difference(unchecked(timestamp + timestampOffset), _lastTimestamp);
        if (step <= 0 || step > RtpTime.ToUnits(MaxContinuousGap, _sourceClock.ClockRate))
        {
            var elapsed = Math.Max(1, RtpTime.ToUnits(now - _lastTime, _sourceClock.ClockRate));
            timestampOffset = unchecked(_lastTimestamp + (uint)elapsed - timestamp);
        }
        _current = (_current + 1) % MappingHistory;
        _segments[_current] = new Segment(_lastExtendedSequence + 1, new SequenceMapping(sequenceOffset, timestampOffset));
        _segmentCount = Math.Min(_segmentCount + 1, MappingHistory);
        Statistics.Clock = _sourceClock.WithOffset(timestampOffset);
        SourceChanges++;
    }

    /// <summary>A mapping and the first extended receiver sequence number it applies to.</summary>
    private readonly record struct Segment(long Start, SequenceMapping Mapping);
}
