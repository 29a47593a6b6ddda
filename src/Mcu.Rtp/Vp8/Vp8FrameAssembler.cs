namespace Mcu.Rtp.Vp8;

/// <summary>
/// Collects the VP8 RTP packets of one stream into whole frames (RFC 7741 section 4.5), zero allocation per
/// packet: payloads are copied into a ring of fixed slots indexed by extended sequence number, and a
/// complete frame is copied out into the caller's buffer.
/// </summary>
/// <remarks>
/// A frame is complete when its packets share a timestamp, run contiguously from one with S=1 and PID=0 to
/// one with the RTP marker bit. Complete frames come out in sequence order, and only decodable ones:
/// <list type="bullet">
/// <item>A key frame is always decodable; anything older that is still held is discarded.</item>
/// <item>Until the first key frame, and after a loss that breaks the reference chain, delta frames are dropped
/// and <see cref="NeedsKeyframe"/> is true: the caller should send a (debounced) PLI.</item>
/// <item>A frame that follows the last delivered one with no missing sequence numbers is decodable.</item>
/// <item>A complete frame behind missing packets is held, since a retransmission may still fill the hole,
/// until the caller calls <see cref="SkipMissing"/> (its NACK gave up), or too many frames are held.</item>
/// <item>Once packets are given up on, a frame is still decodable if its PictureID directly follows the last
/// delivered frame's (nothing but non-media packets was lost), or if it is a base-layer frame (TID 0) whose
/// TL0PICIDX directly follows the last delivered base frame's (only upper temporal layers were lost, which
/// base frames never reference). Upper-layer frames after a loss are dropped until such a base frame; any
/// other frame after a loss is dropped and a key frame is needed.</item>
/// </list>
/// </remarks>
public sealed class Vp8FrameAssembler
{
    private readonly Slot[] _slots;
    private readonly byte[] _arena;
    private readonly int _mask;
    private readonly int _slotSize;
    private readonly int _maxHeldFrames;
    private readonly FrameRange[] _ready;
    private int _readyCount;

    private SequenceNumberUnwrapper _unwrapper;
    private bool _hasHighest;
    private long _highest;

    // Every used slot holds a sequence number >= _nextStart once _hasBaseline is set.
    private bool _hasBaseline;
    private long _nextStart;
    private bool _lossSinceDelivery;
    private bool _skipMissing;
    private int _lastPictureId;
    private int _lastTl0PicIdx;

    /// <param name="maxPackets">Packets held at once; rounded up to a power of two.</param>
    /// <param name="maxPacketDataSize">Largest VP8 data per packet (after the descriptor).</param>
    /// <param name="maxFrameLength">Largest frame delivered; larger frames are dropped. Destinations must hold this many bytes.</param>
    /// <param name="maxHeldFrames">Complete frames held behind missing packets before they are given up on automatically.</param>
    public Vp8FrameAssembler(int maxPackets = 512, int maxPacketDataSize = 1500, int maxFrameLength = 512 * 1024, int maxHeldFrames = 8)
    {
        if (maxPackets is < 2 or > 1 << 15)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxPackets));
        }
        if (maxPacketDataSize < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxPacketDataSize));
        }
        if (maxFrameLength < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxFrameLength));
        }
        if (maxHeldFrames < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxHeldFrames));
        }
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)maxPackets);
        if ((long)capacity * maxPacketDataSize > Array.MaxLength)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxPacketDataSize));
        }
        _slots = new Slot[capacity];
        _arena = new byte[capacity * maxPacketDataSize];
        _mask = capacity - 1;
        _slotSize = maxPacketDataSize;
        MaxFrameLength = maxFrameLength;
        _maxHeldFrames = maxHeldFrames;
        _ready = new FrameRange[maxHeldFrames + 1];
        Reset();
    }

    public int MaxFrameLength { get; }

    /// <summary>True until a key frame is delivered, and again after a loss that no reference rule can bridge.</summary>
    public bool NeedsKeyframe { get; private set; }

    /// <summary>Complete frames waiting behind missing packets.</summary>
    public int HeldFrameCount => _readyCount;

    public long FramesDelivered { get; private set; }

    public long FramesDropped { get; private set; }

    /// <summary>Forgets everything, e.g. when the sender's SSRC changes.</summary>
    public void Reset()
    {
        Array.Clear(_slots);
        _readyCount = 0;
        _unwrapper = default;
        _hasHighest = false;
        _highest = 0;
        _hasBaseline = false;
        _nextStart = 0;
        _lossSinceDelivery = false;
        _skipMissing = false;
        _lastPictureId = -1;
        _lastTl0PicIdx = -1;
        NeedsKeyframe = true;
    }

    /// <summary>
    /// Gives up on packets still missing before the oldest complete frame (call when retransmission failed);
    /// the next frame is then judged by the reference rules.
    /// </summary>
    public void SkipMissing() => _skipMissing = true;

    /// <summary>Stores one packet of the stream; <paramref name="payload"/> is the RTP payload (padding already removed).</summary>
    public Vp8InsertResult Insert(ushort sequenceNumber, uint timestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        var isPadding = payload.IsEmpty;
        Vp8PayloadDescriptor descriptor = default;
        Vp8PayloadHeader header = default;
        var data = ReadOnlySpan<byte>.Empty;
        var isFrameStart = false;
        if (!isPadding)
        {
            if (!Vp8PayloadDescriptor.TryParse(payload, out descriptor, out var descriptorLength) || descriptorLength >= payload.Length)
            {
                return new Vp8InsertResult(Vp8InsertStatus.Malformed, 0, 0);
            }
            data = payload[descriptorLength..];
            if (data.Length > _slotSize)
            {
                return new Vp8InsertResult(Vp8InsertStatus.TooLarge, 0, 0);
            }
            isFrameStart = descriptor.StartOfPartition && descriptor.PartitionIndex == 0;
            if (isFrameStart && !Vp8PayloadHeader.TryParse(data, out header))
            {
                return new Vp8InsertResult(Vp8InsertStatus.Malformed, 0, 0);
            }
        }

        // Only a valid packet may move the unwrapper's notion of the newest sequence number.
        var sequence = _unwrapper.Unwrap(sequenceNumber);
        if (_hasBaseline && sequence < _nextStart)
        {
            return new Vp8InsertResult(Vp8InsertStatus.TooOld, 0, 0);
        }
        ref var slot = ref SlotAt(sequence);
        if (slot.Used)
        {
            if (slot.Sequence == sequence)
            {
                return new Vp8InsertResult(Vp8InsertStatus.Duplicate, 0, 0);
            }
            if (slot.Sequence > sequence)
            {
                return new Vp8InsertResult(Vp8InsertStatus.TooOld, 0, 0);
            }
            // The ring is full of older, unfinished packets: give up on everything a ring length behind.
            DiscardBefore(sequence - _slots.Length + 1);
        }

        ushort firstMissing = 0;
        var missingCount = 0;
        if (!_hasHighest)
        {
            _hasHighest = true;
            _highest = sequence;
        }
        else if (sequence > _highest)
        {
            if (sequence > _highest + 1)
            {
                firstMissing = (ushort)(_highest + 1);
                missingCount = (int)Math.Min(sequence - _highest - 1, int.MaxValue);
            }
            _highest = sequence;
        }

        slot = new Slot
        {
            Used = true,
            Sequence = sequence,
            Timestamp = timestamp,
            Marker = marker,
            IsPadding = isPadding,
            IsFrameStart = isFrameStart,
            Length = data.Length,
            IsKeyframe = isFrameStart && header.IsKeyframe,
            Width = header.Width,
            Height = header.Height,
            PictureId = descriptor.HasPictureId ? descriptor.PictureId : -1,
            LongPictureId = descriptor.LongPictureId,
            Tl0PicIdx = descriptor.HasTl0PicIdx ? descriptor.Tl0PicIdx : -1,
            TemporalLayerId = descriptor.HasTemporalLayerId ? descriptor.TemporalLayerId : -1,
        };
        if (!isPadding)
        {
            data.CopyTo(_arena.AsSpan(SlotIndex(sequence) * _slotSize, _slotSize));
            TryCompleteFrame(sequence);
        }
        return new Vp8InsertResult(Vp8InsertStatus.Accepted, firstMissing, missingCount);
    }

    /// <summary>
    /// Copies the next decodable frame into <paramref name="destination"/> (at least <see cref="MaxFrameLength"/>
    /// bytes). Call until it returns false after every insert.
    /// </summary>
    public bool TryTakeFrame(Span<byte> destination, out Vp8Frame frame)
    {
        if (destination.Length < MaxFrameLength)
        {
            ThrowHelper.Argument("The destination must hold MaxFrameLength bytes.", nameof(destination));
        }
        while (_readyCount > 0)
        {
            var index = OldestReadyIndex();
            var range = _ready[index];
            ref var first = ref SlotAt(range.Start);
            if (first.IsKeyframe)
            {
                if (TryDeliver(index, range, destination, out frame))
                {
                    return true;
                }
                continue;
            }
            if (NeedsKeyframe)
            {
                Drop(index, range);
                continue;
            }
            if (!_hasBaseline || !AllReceived(_nextStart, range.Start))
            {
                if (!_skipMissing)
                {
                    break;
                }
                _lossSinceDelivery = true;
            }
            if (!_lossSinceDelivery || ReferencesIntact(first))
            {
                if (TryDeliver(index, range, destination, out frame))
                {
                    return true;
                }
                continue;
            }
            if (first.TemporalLayerId <= 0)
            {
                NeedsKeyframe = true;
            }
            Drop(index, range);
        }
        frame = default;
        return false;
    }

    private bool ReferencesIntact(in Slot first)
    {
        if (first.PictureId >= 0 && _lastPictureId >= 0 &&
            first.PictureId == ((_lastPictureId + 1) & (first.LongPictureId ? 0x7FFF : 0x7F)))
        {
            return true;
        }
        return first.TemporalLayerId == 0 && first.Tl0PicIdx >= 0 && _lastTl0PicIdx >= 0 &&
               first.Tl0PicIdx == ((_lastTl0PicIdx + 1) & 0xFF);
    }

    private bool TryDeliver(int readyIndex, FrameRange range, Span<byte> destination, out Vp8Frame frame)
    {
        frame = default;
        var length = 0;
        for (var sequence = range.Start; sequence <= range.End; sequence++)
        {
            length += SlotAt(sequence).Length;
        }
        if (length > MaxFrameLength)
        {
            NeedsKeyframe = true;
            Drop(readyIndex, range);
            return false;
        }
        var written = 0;
        for (var sequence = range.Start; sequence <= range.End; sequence++)
        {
            var slotLength = SlotAt(sequence).Length;
            _arena.AsSpan(SlotIndex(sequence) * _slotSize, slotLength).CopyTo(destination[written..]);
            written += slotLength;
        }
        ref var first = ref SlotAt(range.Start);
        frame = new Vp8Frame(
            length, first.Timestamp, (ushort)range.Start, (ushort)range.End, first.IsKeyframe,
            first.Width, first.Height, first.PictureId, first.TemporalLayerId,
            _lossSinceDelivery && !first.IsKeyframe);
        if (first.PictureId >= 0)
        {
            _lastPictureId = first.PictureId;
        }
        if (first.Tl0PicIdx >= 0 && first.TemporalLayerId <= 0)
        {
            _lastTl0PicIdx = first.Tl0PicIdx;
        }
        if (first.IsKeyframe)
        {
            NeedsKeyframe = false;
        }
        Consume(readyIndex, range.End);
        _lossSinceDelivery = false;
        _skipMissing = false;
        FramesDelivered++;
        return true;
    }

    private void Drop(int readyIndex, FrameRange range)
    {
        Consume(readyIndex, range.End);
        _lossSinceDelivery = true;
        FramesDropped++;
    }

    /// <summary>Frees every slot up to and including <paramref name="end"/> and moves the baseline past it.</summary>
    private void Consume(int readyIndex, long end)
    {
        _ready[readyIndex] = _ready[--_readyCount];
        var from = end - _slots.Length + 1;
        if (_hasBaseline && _nextStart > from)
        {
            from = _nextStart;
        }
        for (var sequence = from; sequence <= end; sequence++)
        {
            ref var slot = ref SlotAt(sequence);
            if (slot.Used && slot.Sequence <= end)
            {
                slot.Used = false;
            }
        }
        _hasBaseline = true;
        _nextStart = end + 1;
    }

    private void DiscardBefore(long bound)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Used && _slots[i].Sequence < bound)
            {
                _slots[i].Used = false;
            }
        }
        for (var i = _readyCount - 1; i >= 0; i--)
        {
            if (_ready[i].Start < bound)
            {
                _ready[i] = _ready[--_readyCount];
                FramesDropped++;
            }
        }
        if (!_hasBaseline || _nextStart < bound)
        {
            _hasBaseline = true;
            _nextStart = bound;
            _lossSinceDelivery = true;
        }
    }

    private void TryCompleteFrame(long sequence)
    {
        var timestamp = SlotAt(sequence).Timestamp;
        var start = sequence;
        while (!SlotAt(start).IsFrameStart)
        {
            if (sequence - start + 1 >= _slots.Length || !IsFramePacket(start - 1, timestamp))
            {
                return;
            }
            start--;
        }
        var end = sequence;
        while (!SlotAt(end).Marker)
        {
            if (end - start + 1 >= _slots.Length || !IsFramePacket(end + 1, timestamp))
            {
                return;
            }
            end++;
        }
        if (_readyCount == _ready.Length)
        {
            // The caller is not draining; this frame is lost and the reference rules will notice.
            return;
        }
        _ready[_readyCount++] = new FrameRange(start, end);
        if (_readyCount >= _maxHeldFrames)
        {
            _skipMissing = true;
        }
    }

    private bool IsFramePacket(long sequence, uint timestamp)
    {
        ref var slot = ref SlotAt(sequence);
        return slot.Used && slot.Sequence == sequence && !slot.IsPadding && slot.Timestamp == timestamp;
    }

    private bool AllReceived(long from, long to)
    {
        if (to - from > _slots.Length)
        {
            return false;
        }
        for (var sequence = from; sequence < to; sequence++)
        {
            ref var slot = ref SlotAt(sequence);
            if (!slot.Used || slot.Sequence != sequence)
            {
                return false;
            }
        }
        return true;
    }

    private int OldestReadyIndex()
    {
        var oldest = 0;
        for (var i = 1; i < _readyCount; i++)
        {
            if (_ready[i].Start < _ready[oldest].Start)
            {
                oldest = i;
            }
        }
        return oldest;
    }

    private int SlotIndex(long sequence) => (int)(sequence & _mask);

    private ref Slot SlotAt(long sequence) => ref _slots[SlotIndex(sequence)];

    private readonly record struct FrameRange(long Start, long End);

    private struct Slot
    {
        public bool Used;
        public long Sequence;
        public uint Timestamp;
        public bool Marker;
        public bool IsPadding;
        public bool IsFrameStart;
        public int Length;

        // Meaningful on a frame's first packet only.
        public bool IsKeyframe;
        public ushort Width;
        public ushort Height;
        public int PictureId;
        public bool LongPictureId;
        public int Tl0PicIdx;
        public int TemporalLayerId;
    }
}
