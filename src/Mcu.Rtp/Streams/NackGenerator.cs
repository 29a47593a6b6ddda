using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Streams;

/// <summary>
/// Receive-side NACK for one video SSRC (RFC 4585 6.2.1): finds gaps as packets arrive, asks for each missing
/// sequence number soon and then once per max(RTT, <see cref="NackOptions.MinRetryInterval"/>), and gives up after
/// <see cref="NackOptions.MaxNacksPerSequenceNumber"/> tries or <see cref="NackOptions.MaxAge"/>.
/// </summary>
/// <remarks>
/// Missing sequence numbers are kept oldest first in a preallocated ring, so lookups are binary searches and
/// removal leaves a hole that is reclaimed from the head or by compaction when the ring is full. When a packet
/// is given up or too many are missing, <see cref="KeyframeNeeded"/> is set: the caller asks the sender for a
/// keyframe and calls <see cref="Clear"/>, since nothing before that keyframe is worth recovering.
/// </remarks>
public sealed class NackGenerator
{
    private readonly Entry[] _entries;
    private SequenceNumberUnwrapper _unwrapper;
    private bool _started;
    private int _head;
    private int _length;

    public NackGenerator(uint senderSsrc, uint mediaSsrc, NackOptions? options = null)
    {
        options ??= new NackOptions();
        if (options.MaxListSize <= 0 || options.MaxNacksPerSequenceNumber <= 0 ||
            options.MaxItemsPerNack is <= 0 or > NackOptions.MaxItemsLimit ||
            options.FirstNackDelay < TimeSpan.Zero || options.MinRetryInterval <= TimeSpan.Zero || options.MaxAge <= TimeSpan.Zero)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(options));
        }
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        Options = options;
        _entries = new Entry[options.MaxListSize];
    }

    /// <summary>Our SSRC in the NACK packets.</summary>
    public uint SenderSsrc { get; }

    /// <summary>The SSRC whose packets are tracked (the media SSRC, not its RTX SSRC).</summary>
    public uint MediaSsrc { get; }

    public NackOptions Options { get; }

    /// <summary>The latest RTT to the sender (from its SR round trip); sets the retry interval.</summary>
    public TimeSpan RoundTripTime { get; set; }

    /// <summary>Sequence numbers currently missing.</summary>
    public int MissingCount { get; private set; }

    /// <summary>Set when a packet was given up or too many went missing; cleared by <see cref="Clear"/>.</summary>
    public bool KeyframeNeeded { get; private set; }

    /// <summary>Sequence numbers put in NACK packets, retries included.</summary>
    public long NacksSent { get; private set; }

    /// <summary>Missing packets that arrived after all (late or retransmitted).</summary>
    public long PacketsRecovered { get; private set; }

    public long PacketsGivenUp { get; private set; }

    /// <summary>Times the missing list would have exceeded <see cref="NackOptions.MaxListSize"/> and was dropped.</summary>
    public long Overflows { get; private set; }

    private TimeSpan RetryInterval => RoundTripTime > Options.MinRetryInterval ? RoundTripTime : Options.MinRetryInterval;

    /// <summary>
    /// Notes an arriving packet of the media SSRC, or the original sequence number of an RTX packet. True when it
    /// was one we were missing.
    /// </summary>
    public bool OnPacket(TimeSpan now, ushort sequenceNumber)
    {
        var previous = _unwrapper.Newest;
        var extended = _unwrapper.Unwrap(sequenceNumber);
        if (!_started)
        {
            _started = true;
            return false;
        }
        if (extended > previous)
        {
            var gap = extended - previous - 1;
            if (gap > 0)
            {
                if (MissingCount + gap > _entries.Length)
                {
                    Overflows++;
                    DropAll();
                    KeyframeNeeded = true;
                }
                else
                {
                    for (var missing = previous + 1; missing < extended; missing++)
                    {
                        Append(missing, now);
                    }
                }
            }
            return false;
        }
        return TryRemove(extended);
    }

    /// <summary>
    /// Gives up what is too old or retried enough, then writes one NACK packet for the sequence numbers now due
    /// (oldest first, as many as fit). False when none is due or not even one item fits.
    /// </summary>
    public bool TryWriteNack(TimeSpan now, Span<byte> destination, out int written)
    {
        written = 0;
        if (MissingCount == 0)
        {
            return false;
        }
        var retry = RetryInterval;
        Span<ushort> due = stackalloc ushort[Options.MaxItemsPerNack];
        Span<int> positions = stackalloc int[Options.MaxItemsPerNack];
        var count = 0;
        for (var i = 0; i < _length; i++)
        {
            ref var entry = ref At(i);
            if (!entry.Missing)
            {
                continue;
            }
            if (now - entry.Detected >= Options.MaxAge || (entry.Nacks >= Options.MaxNacksPerSequenceNumber && now >= entry.LastNack + retry))
            {
                entry.Missing = false;
                MissingCount--;
                PacketsGivenUp++;
                KeyframeNeeded = true;
                continue;
            }
            if (count < due.Length && entry.Nacks < Options.MaxNacksPerSequenceNumber && now >= DueTime(entry, retry))
            {
                due[count] = (ushort)entry.Sequence;
                positions[count++] = i;
            }
        }
        while (count > 0 && GenericNack.GetSize(due[..count]) > destination.Length)
        {
            count--;
        }
        if (count > 0)
        {
            GenericNack.TryWrite(destination, SenderSsrc, MediaSsrc, due[..count], out written);
            for (var k = 0; k < count; k++)
            {
                ref var entry = ref At(positions[k]);
                entry.Nacks++;
                entry.LastNack = now;
            }
            NacksSent += count;
        }
        TrimHead();
        return count > 0;
    }

    /// <summary>When <see cref="TryWriteNack"/> next has something to send or give up; <see cref="TimeSpan.MaxValue"/> when idle.</summary>
    public TimeSpan GetNextDeadline()
    {
        var retry = RetryInterval;
        var next = TimeSpan.MaxValue;
        for (var i = 0; i < _length; i++)
        {
            ref var entry = ref At(i);
            if (entry.Missing)
            {
                var due = entry.Nacks >= Options.MaxNacksPerSequenceNumber ? entry.LastNack + retry : DueTime(entry, retry);
                var expiry = entry.Detected + Options.MaxAge;
                next = Min(next, Min(due, expiry));
            }
        }
        return next;
    }

    /// <summary>Forgets everything missing (a keyframe was requested) and clears <see cref="KeyframeNeeded"/>.</summary>
    public void Clear()
    {
        DropAll();
        KeyframeNeeded = false;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private TimeSpan DueTime(in Entry entry, TimeSpan retry) =>
        entry.Nacks == 0 ? entry.Detected + Options.FirstNackDelay : entry.LastNack + retry;

    private ref Entry At(int index)
    {
        var position = _head + index;
        return ref _entries[position >= _entries.Length ? position - _entries.Length : position];
    }

    private void Append(long sequence, TimeSpan now)
    {
        if (_length == _entries.Length)
        {
            Compact();
        }
        ref var entry = ref At(_length++);
        entry = new Entry { Sequence = sequence, Detected = now, Missing = true };
        MissingCount++;
    }

    private bool TryRemove(long sequence)
    {
        var low = 0;
        var high = _length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            ref var entry = ref At(middle);
            if (entry.Sequence < sequence)
            {
                low = middle + 1;
            }
            else if (entry.Sequence > sequence)
            {
                high = middle - 1;
            }
            else
            {
                if (!entry.Missing)
                {
                    return false;
                }
                entry.Missing = false;
                MissingCount--;
                PacketsRecovered++;
                TrimHead();
                return true;
            }
        }
        return false;
    }

    private void TrimHead()
    {
        while (_length > 0 && !_entries[_head].Missing)
        {
            _head = _head + 1 == _entries.Length ? 0 : _head + 1;
            _length--;
        }
        if (_length == 0)
        {
            _head = 0;
        }
    }

    /// <summary>Moves the still-missing entries together, in order, to free the holes left by removals.</summary>
    private void Compact()
    {
        var kept = 0;
        for (var i = 0; i < _length; i++)
        {
            var entry = At(i);
            if (entry.Missing)
            {
                At(kept++) = entry;
            }
        }
        _length = kept;
    }

    private void DropAll()
    {
        _head = 0;
        _length = 0;
        MissingCount = 0;
    }

    private struct Entry
    {
        public long Sequence;
        public TimeSpan Detected;
        public TimeSpan LastNack;
        public int Nacks;
        public bool Missing;
    }
}
