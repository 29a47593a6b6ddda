namespace Mcu.Media.Audio;

/// <summary>
/// An adaptive jitter buffer for one participant's audio RTP stream, sans-IO: packets go in with
/// their arrival time, and the room clock pops one step of playout per need. Playout follows RTP
/// timestamps, so a sender pause (DTX) is a gap in time, not a loss; the sequence number detects
/// duplicates and counts losses. The playout delay follows the observed arrival jitter between
/// <see cref="AudioJitterBufferSettings.MinDelay"/> and <see cref="AudioJitterBufferSettings.MaxDelay"/>:
/// it grows by holding the playout position while the due packet is absent, and shrinks by
/// dropping a frame that is already covered, preferably a quiet one. Payloads are copied into
/// preallocated slots; nothing allocates per packet. Not thread-safe.
/// </summary>
public sealed class AudioJitterBuffer
{
    // Gaps move in whole 2.5 ms steps, the finest Opus frame size (RFC 6716 section 2.1.4), so
    // that every gap can be concealed or FEC-decoded.
    private const int StepsPerSecond = 400;

    // A packet of at most 2 bytes holds no coded audio: Opus DTX (RFC 6716 section 3.2.1).
    private const int SilentPayloadBytes = 2;

    // A frame whose RFC 6464 level is -50 dBov or lower can be dropped or stretched unheard.
    private const byte QuietLevel = 50;

    // While speech is playing, growing the delay inserts at most one concealed step per 100 ms.
    private static readonly TimeSpan SpeechHoldSpacing = TimeSpan.FromMilliseconds(100);

    private readonly AudioJitterBufferSettings _settings;
    private readonly Slot[] _slots;
    private readonly byte[] _payloads;
    private readonly ArrivalDelayEstimator _estimator;
    private readonly int _step;
    private readonly int _maxPacketSamples;
    private readonly long _idleAfterSamples;
    private readonly TimeSpan _hysteresis;

    private bool _started;
    private long _highestSequence;
    private long _highestTimestamp;
    private long _timestampBase;
    private bool _hasCursor;
    private long _cursor;
    private bool _hasPlayedSequence;
    private long _lastPlayedSequence;
    private int _frameSamples;
    private long _emptyRunSamples;
    private bool _inExcess;
    private TimeSpan _excessSince;
    private bool _hasHeld;
    private TimeSpan _lastHold;

    /// <summary>Creates a buffer with its slots preallocated.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public AudioJitterBuffer(AudioJitterBufferSettings? settings = null)
    {
        _settings = settings ?? new AudioJitterBufferSettings();
        _settings.Validate();
        _slots = new Slot[_settings.Capacity];
        _payloads = new byte[_settings.Capacity * _settings.MaxPayloadSize];
        _estimator = new ArrivalDelayEstimator(_settings.ShrinkPerSecond);
        _step = _settings.ClockRate / StepsPerSecond;
        _maxPacketSamples = _settings.ClockRate / 1000 * 120;
        _idleAfterSamples = ToSamples(_settings.MaxDelay);
        _frameSamples = _settings.ClockRate / 50;
        _hysteresis = TimeSpan.FromTicks(AudioFormat.FrameDuration.Ticks / 2);
    }

    /// <summary>The settings the buffer was created with.</summary>
    public AudioJitterBufferSettings Settings => _settings;

    /// <summary>Packets buffered now.</summary>
    public int Count { get; private set; }

    /// <summary>Whether playout is running (false before the first start and while idle after a pause).</summary>
    public bool IsPlaying { get; private set; }

    /// <summary>The playout delay the buffer aims for, from the recent arrival jitter.</summary>
    public TimeSpan TargetDelay
    {
        get
        {
            TimeSpan peak = _estimator.PeakDelay;
            return peak < _settings.MinDelay ? _settings.MinDelay : peak > _settings.MaxDelay ? _settings.MaxDelay : peak;
        }
    }

    /// <summary>
    /// At the last <see cref="Pop"/>, how long after its earliest possible arrival the frame due
    /// then was played: the delay the buffer actually adds.
    /// </summary>
    public TimeSpan CurrentDelay { get; private set; }

    /// <summary>Packets stored.</summary>
    public long BufferedPackets { get; private set; }

    /// <summary>Packets dropped because a copy was buffered.</summary>
    public long DuplicatePackets { get; private set; }

    /// <summary>Packets dropped because their playout time had passed.</summary>
    public long LatePackets { get; private set; }

    /// <summary>Packets dropped because they were too far ahead or no slot was free.</summary>
    public long OverflowPackets { get; private set; }

    /// <summary>Packets dropped as malformed.</summary>
    public long MalformedPackets { get; private set; }

    /// <summary>Sequence numbers never played: lost in the network or arrived too late.</summary>
    public long LostPackets { get; private set; }

    /// <summary>Packets dropped to shrink the delay.</summary>
    public long SkippedPackets { get; private set; }

    /// <summary>Steps in which playout held its position to grow the delay.</summary>
    public long HeldFrames { get; private set; }

    /// <summary>Timestamp discontinuities after which playout started over.</summary>
    public long Resyncs { get; private set; }

    /// <summary>
    /// Stores a packet. <paramref name="samples"/> is its duration in RTP clock units (a whole
    /// number of 2.5 ms, at most 120 ms); <paramref name="audioLevel"/> its RFC 6464 level in
    /// -dBov (0..127) when it carried one. Nothing is thrown for bad input: the result says why
    /// a packet was dropped.
    /// </summary>
    public AudioJitterInsertResult Insert(ushort sequenceNumber, uint timestamp, TimeSpan arrival, ReadOnlySpan<byte> payload, int samples, byte? audioLevel = null)
    {
        if (payload.IsEmpty || payload.Length > _settings.MaxPayloadSize || samples <= 0 || samples > _maxPacketSamples
            || samples % _step != 0 || audioLevel > 127)
        {
            MalformedPackets++;
            return AudioJitterInsertResult.Malformed;
        }

        if (!_started)
        {
            _started = true;
            StartOver(sequenceNumber, timestamp, arrival);
            Store(sequenceNumber, timestamp, payload, samples, audioLevel);
            return AudioJitterInsertResult.Buffered;
        }

        long sequence = _highestSequence + (short)(sequenceNumber - (ushort)_highestSequence);
        long rtpTime = _highestTimestamp + (int)(timestamp - (uint)_highestTimestamp);
        TimeSpan transit = arrival - ToTime(rtpTime);
        bool newest = sequence > _highestSequence;

        // A newer packet whose timestamp disagrees with its arrival by far more than any jitter
        // comes from a restarted or rewritten sender clock: start over from it.
        if (newest && (transit - _estimator.MinTransit).Duration() > _settings.ResyncThreshold)
        {
            Resyncs++;
            Array.Clear(_slots);
            Count = 0;
            StartOver(sequence, rtpTime, arrival);
            Store(sequence, rtpTime, payload, samples, audioLevel);
            return AudioJitterInsertResult.Resynchronized;
        }

        if (FindSequence(sequence) >= 0)
        {
            DuplicatePackets++;
            return AudioJitterInsertResult.Duplicate;
        }

        // Late packets count too: they are the evidence that the delay must grow.
        _estimator.Observe(transit, arrival);
        if (newest)
        {
            _highestSequence = sequence;
            _highestTimestamp = rtpTime;
        }

        if (_hasCursor && rtpTime < _cursor)
        {
            LatePackets++;
            return AudioJitterInsertResult.Late;
        }

        long reference = IsPlaying ? _cursor : Count > 0 ? _slots[Earliest()].Timestamp : rtpTime;
        if (rtpTime - reference >= (long)_settings.Capacity * _frameSamples || Count == _slots.Length)
        {
            OverflowPackets++;
            return AudioJitterInsertResult.Overflow;
        }

        Store(sequence, rtpTime, payload, samples, audioLevel);
        return AudioJitterInsertResult.Buffered;
    }

    /// <summary>
    /// One step of playout at <paramref name="now"/> (the room clock's tick time): the packet due,
    /// a gap (with whether the packet after it is present, for FEC), or no data while not
    /// playing. Call again while the decoded audio does not yet fill the tick.
    /// </summary>
    public AudioJitterFrame Pop(TimeSpan now)
    {
        if (!IsPlaying)
        {
            int first = Earliest();

            // Start (or restart after a pause) once the first packet has waited the target delay.
            if (first < 0 || PlayoutDelay(now, _slots[first].Timestamp) < TargetDelay)
            {
                return default;
            }

            IsPlaying = true;
            _hasCursor = true;
            _cursor = _slots[first].Timestamp;
            _emptyRunSamples = 0;
        }

        int due = Earliest();
        while (due >= 0 && _slots[due].Timestamp < _cursor)
        {
            // Overlaps what was already played (odd timestamps): nothing left to play of it.
            LatePackets++;
            Free(due);
            due = Earliest();
        }

        TimeSpan delay = PlayoutDelay(now, _cursor);
        CurrentDelay = delay;
        TimeSpan target = TargetDelay;
        if (due >= 0 && _slots[due].Timestamp - _cursor < _step)
        {
            if (ShouldGrow(now, delay, target, due))
            {
                return Hold(now);
            }

            if (ShouldSkip(now, delay, target, due, out int next))
            {
                SkippedPackets++;
                Consume(due);
                due = next;
            }

            return Play(due);
        }

        if (delay < target)
        {
            // The due packet may still come: wait for it, which grows the delay.
            return Hold(now);
        }

        int gap = due >= 0 ? (int)Math.Min(_slots[due].Timestamp - _cursor, _frameSamples) : _frameSamples;
        gap -= gap % _step;
        _cursor += gap;
        if (due < 0)
        {
            _emptyRunSamples += gap;
            if (_emptyRunSamples >= _idleAfterSamples)
            {
                // A pause (or long outage): the next packet restarts playout at the then target delay.
                IsPlaying = false;
            }
        }

        bool nextPresent = due >= 0 && _slots[due].Timestamp - _cursor < _step;
        return new AudioJitterFrame(AudioJitterStatus.Missing, nextPresent ? Payload(due) : default, gap, nextPresent, null);
    }

    /// <summary>Forgets the stream (a new SSRC): buffered packets, position and timing; counters are kept.</summary>
    public void Reset()
    {
        Array.Clear(_slots);
        Count = 0;
        _started = false;
        IsPlaying = false;
        _hasCursor = false;
        _hasPlayedSequence = false;
        _inExcess = false;
        _emptyRunSamples = 0;
        _frameSamples = _settings.ClockRate / 50;
    }

    private void StartOver(long sequence, long rtpTime, TimeSpan arrival)
    {
        _highestSequence = sequence;
        _highestTimestamp = rtpTime;
        _timestampBase = rtpTime;
        _estimator.Start(arrival, arrival);
        IsPlaying = false;
        _hasCursor = false;
        _hasPlayedSequence = false;
        _inExcess = false;
        _emptyRunSamples = 0;
    }

    /// <summary>
    /// Grows the delay although the due packet is here, when the target has risen clearly above
    /// the delay: at once for a quiet packet, otherwise one step per
    /// <see cref="SpeechHoldSpacing"/> so that the inserted concealment is spread thin.
    /// </summary>
    private bool ShouldGrow(TimeSpan now, TimeSpan delay, TimeSpan target, int due) =>
        delay < target - _hysteresis
        && (IsQuiet(in _slots[due]) || !_hasHeld || now - _lastHold >= SpeechHoldSpacing);

    /// <summary>Conceals one step without consuming anything, so the due packet plays one step later.</summary>
    private AudioJitterFrame Hold(TimeSpan now)
    {
        HeldFrames++;
        _hasHeld = true;
        _lastHold = now;
        return new AudioJitterFrame(AudioJitterStatus.Missing, default, _frameSamples, false, null);
    }

    /// <summary>
    /// Drops the due packet when the delay without it still covers the target (with hysteresis)
    /// and the packet after it is here, so no gap opens: at once when it is quiet, otherwise
    /// only after the excess has lasted <see cref="AudioJitterBufferSettings.ForcedShrinkAfter"/>.
    /// </summary>
    private bool ShouldSkip(TimeSpan now, TimeSpan delay, TimeSpan target, int due, out int next)
    {
        next = -1;
        ref Slot slot = ref _slots[due];
        if (delay - ToDuration(slot.Samples) - target < _hysteresis)
        {
            _inExcess = false;
            return false;
        }

        if (!_inExcess)
        {
            _inExcess = true;
            _excessSince = now;
        }

        next = FindTimestamp(slot.Timestamp + slot.Samples);
        if (next < 0)
        {
            return false;
        }

        if (!IsQuiet(in slot) && now - _excessSince < _settings.ForcedShrinkAfter)
        {
            return false;
        }

        _excessSince = now;
        return true;
    }

    private AudioJitterFrame Play(int index)
    {
        ref Slot slot = ref _slots[index];
        byte? level = slot.HasLevel ? slot.Level : null;
        int samples = slot.Samples;
        Consume(index);
        _frameSamples = samples;
        _emptyRunSamples = 0;
        return new AudioJitterFrame(AudioJitterStatus.Packet, Payload(index), samples, false, level);
    }

    private void Consume(int index)
    {
        ref Slot slot = ref _slots[index];
        if (_hasPlayedSequence && slot.Sequence > _lastPlayedSequence + 1)
        {
            LostPackets += slot.Sequence - _lastPlayedSequence - 1;
        }

        if (!_hasPlayedSequence || slot.Sequence > _lastPlayedSequence)
        {
            _lastPlayedSequence = slot.Sequence;
            _hasPlayedSequence = true;
        }

        _cursor = slot.Timestamp + slot.Samples;
        Free(index);
    }

    private void Store(long sequence, long rtpTime, ReadOnlySpan<byte> payload, int samples, byte? audioLevel)
    {
        int index = 0;
        while (_slots[index].Used)
        {
            index++;
        }

        ref Slot slot = ref _slots[index];
        slot.Used = true;
        slot.Sequence = sequence;
        slot.Timestamp = rtpTime;
        slot.Length = payload.Length;
        slot.Samples = samples;
        slot.HasLevel = audioLevel.HasValue;
        slot.Level = audioLevel.GetValueOrDefault();
        payload.CopyTo(_payloads.AsSpan(index * _settings.MaxPayloadSize));
        Count++;
        BufferedPackets++;
    }

    private void Free(int index)
    {
        _slots[index].Used = false;
        Count--;
    }

    private int Earliest()
    {
        int best = -1;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Used && (best < 0 || _slots[i].Timestamp < _slots[best].Timestamp))
            {
                best = i;
            }
        }

        return best;
    }

    private int FindSequence(long sequence)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Used && _slots[i].Sequence == sequence)
            {
                return i;
            }
        }

        return -1;
    }

    private int FindTimestamp(long rtpTime)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Used && _slots[i].Timestamp - rtpTime >= 0 && _slots[i].Timestamp - rtpTime < _step)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsQuiet(in Slot slot) => slot.Length <= SilentPayloadBytes || (slot.HasLevel && slot.Level >= QuietLevel);

    private ReadOnlySpan<byte> Payload(int index) => _payloads.AsSpan(index * _settings.MaxPayloadSize, _slots[index].Length);

    /// <summary>How long after its earliest possible arrival (at the minimum transit) media time rtpTime is played at now.</summary>
    private TimeSpan PlayoutDelay(TimeSpan now, long rtpTime) => now - ToTime(rtpTime) - _estimator.MinTransit;

    private TimeSpan ToTime(long rtpTime) => TimeSpan.FromTicks((rtpTime - _timestampBase) * TimeSpan.TicksPerSecond / _settings.ClockRate);

    private TimeSpan ToDuration(int samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / _settings.ClockRate);

    private long ToSamples(TimeSpan duration) => duration.Ticks * _settings.ClockRate / TimeSpan.TicksPerSecond;

    private struct Slot
    {
        public bool Used;
        public long Sequence;
        public long Timestamp;
        public int Length;
        public int Samples;
        public bool HasLevel;
        public byte Level;
    }
}
