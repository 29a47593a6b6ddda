namespace Mcu.Rtp.Streams;

/// <summary>
/// The last packets of one outgoing stream, by source (pre-rewrite) sequence number, shared by every receiver of
/// that stream; answers a receiver's NACK with the packet rewritten for it and wrapped as RTX (RFC 4588), or
/// resent as is when the receiver negotiated no RTX.
/// </summary>
/// <remarks>
/// Memory is one preallocated block of <see cref="Capacity"/> slots of <see cref="MaxPacketSize"/> bytes, so count
/// and bytes are both bounded. Slots are direct-mapped by extended sequence number: a packetizer numbers its
/// packets consecutively, so the newest <see cref="Capacity"/> are all present and older ones are overwritten. A
/// packet older than <see cref="MaxAge"/> is not resent: the receiver has played past it. Call <see cref="Clear"/>
/// when the source's sequence numbering restarts.
/// </remarks>
public sealed class RetransmissionHistory
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(1);

    private readonly byte[] _buffer;
    private readonly Slot[] _slots;
    private SequenceNumberUnwrapper _unwrapper;
    private bool _started;

    /// <param name="capacity">Packets kept: about one second of the stream at its highest bitrate (2.5 Mbit/s is ~260 packets of 1200 bytes).</param>
    /// <param name="maxPacketSize">Largest packet stored, in bytes.</param>
    /// <param name="maxAge">Oldest packet resent; <see cref="DefaultMaxAge"/> when null.</param>
    public RetransmissionHistory(int capacity = 512, int maxPacketSize = 1500, TimeSpan? maxAge = null)
    {
        if (capacity <= 0 || maxPacketSize < RtpPacket.FixedHeaderLength || (long)capacity * maxPacketSize > Array.MaxLength)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(capacity));
        }
        MaxAge = maxAge ?? DefaultMaxAge;
        if (MaxAge <= TimeSpan.Zero)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxAge));
        }
        Capacity = capacity;
        MaxPacketSize = maxPacketSize;
        _buffer = new byte[capacity * maxPacketSize];
        _slots = new Slot[capacity];
    }

    public int Capacity { get; }

    public int MaxPacketSize { get; }

    public TimeSpan MaxAge { get; }

    public long PacketsStored { get; private set; }

    /// <summary>Packets not stored: not RTP, larger than <see cref="MaxPacketSize"/>, or older than all kept.</summary>
    public long PacketsRejected { get; private set; }

    /// <summary>Retransmissions written, over all receivers.</summary>
    public long PacketsServed { get; private set; }

    /// <summary>NACKed packets that were not (or no longer) in the history, over all receivers.</summary>
    public long PacketsMissed { get; private set; }

    /// <summary>Copies a source packet as it is sent (before any receiver's rewrite).</summary>
    public bool TryStore(TimeSpan now, ReadOnlySpan<byte> packet)
    {
        if (packet.Length > MaxPacketSize || !RtpPacket.TryParse(packet, out var parsed))
        {
            PacketsRejected++;
            return false;
        }
        var extended = _unwrapper.Unwrap(parsed.SequenceNumber);
        if (_started && _unwrapper.Newest - extended >= Capacity)
        {
            // Older than everything kept: storing it would evict a newer packet.
            PacketsRejected++;
            return false;
        }
        _started = true;
        var index = SlotIndex(extended);
        packet.CopyTo(_buffer.AsSpan(index * MaxPacketSize, MaxPacketSize));
        _slots[index] = new Slot(extended, packet.Length, now);
        PacketsStored++;
        return true;
    }

    /// <summary>The stored source packet with this sequence number, when present and not older than <see cref="MaxAge"/>.</summary>
    public bool TryGet(TimeSpan now, ushort sourceSequenceNumber, out ReadOnlySpan<byte> packet)
    {
        packet = default;
        if (!_started)
        {
            return false;
        }
        var newest = _unwrapper.Newest;
        var extended = newest + SerialNumber.Difference(sourceSequenceNumber, (ushort)newest);
        if (extended > newest || newest - extended >= Capacity)
        {
            return false;
        }
        var index = SlotIndex(extended);
        ref readonly var slot = ref _slots[index];
        if (slot.Length == 0 || slot.Sequence != extended || now - slot.StoredAt > MaxAge)
        {
            return false;
        }
        packet = _buffer.AsSpan(index * MaxPacketSize, slot.Length);
        return true;
    }

    /// <summary>
    /// Answers one sequence number of a receiver's NACK: maps it back through <paramref name="binding"/>, checks
    /// <paramref name="limiter"/>, and writes the stored packet with the receiver's payload type, sequence number,
    /// timestamp and SSRC, wrapped as RTX with the receiver's RTX SSRC, payload type and next RTX sequence number
    /// when it negotiated RTX. The caller protects and sends <paramref name="destination"/>[..<paramref name="written"/>].
    /// </summary>
    public RetransmissionResult TryResend(
        TimeSpan now,
        ushort receiverSequenceNumber,
        OutboundBinding binding,
        RetransmissionLimiter limiter,
        Span<byte> destination,
        out int written)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(limiter);
        written = 0;
        if (!binding.TryGetMapping(receiverSequenceNumber, out var mapping) ||
            !TryGet(now, mapping.ToSource(receiverSequenceNumber), out var original) ||
            !RtpPacket.TryParse(original, out var parsed))
        {
            PacketsMissed++;
            limiter.OnNotFound();
            return RetransmissionResult.NotFound;
        }
        var size = binding.HasRtx ? RtxPacket.GetWrappedSize(parsed) : original.Length;
        if (destination.Length < Math.Max(size, original.Length))
        {
            return RetransmissionResult.DestinationTooSmall;
        }
        var verdict = limiter.TryAcquire(now, parsed.SequenceNumber, size);
        if (verdict != RetransmissionResult.Sent)
        {
            return verdict;
        }
        var timestamp = mapping.ToReceiverTimestamp(parsed.Timestamp);
        original.CopyTo(destination);
        RtpRewriter.TryRewrite(destination, binding.PayloadType, receiverSequenceNumber, timestamp, binding.Ssrc);
        if (binding.HasRtx)
        {
            // In place: RtxPacket moves the payload up by the OSN first, so source and destination may share a start.
            RtxPacket.TryWrap(destination[..original.Length], destination, binding.RtxPayloadType, binding.RtxSsrc, binding.NextRtxSequenceNumber(), out written);
        }
        else
        {
            written = original.Length;
        }
        PacketsServed++;
        return RetransmissionResult.Sent;
    }

    /// <summary>Forgets every packet (the source restarted its sequence numbers).</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        _unwrapper = default;
        _started = false;
    }

    private int SlotIndex(long extended)
    {
        var index = extended % Capacity;
        return (int)(index < 0 ? index + Capacity : index);
    }

    private readonly record struct Slot(long Sequence, int Length, TimeSpan StoredAt);
}
