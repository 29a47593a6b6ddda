using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Streams;

/// <summary>
/// Reception statistics of one remote SSRC (RFC 3550 appendix A.1 sequence validation, A.3 loss, A.8 jitter)
/// and the report block they produce for our SR/RR, with LSR/DLSR from the source's last SR.
/// </summary>
/// <remarks>
/// Differences from appendix A.1, on purpose: there is no probation of new sources (SRTP already
/// authenticates every packet, so stray packets cannot start a source), and duplicates within the last 128
/// sequence numbers are recognised by a bitmap and not counted twice, so the cumulative loss cannot go
/// negative from retransmissions that crossed their originals. Jitter is sampled on the first in-order packet
/// of each RTP timestamp only, as browsers do: the packets of one video frame leave in a burst and would
/// otherwise count their send spread as jitter.
/// </remarks>
public sealed class ReceiveStatistics
{
    // RFC 3550 A.1.
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulus = 1 << 16;
    private const int WindowBits = 128;
    private const int NoBadSequence = -1;

    private long _base;
    private long _highest;
    private UInt128 _window;
    private int _badSequence = NoBadSequence;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;

    // RFC 3550 A.8 keeps jitter scaled by 16 to avoid floating point.
    private long _jitterScaled;
    private int _lastTransit;
    private bool _hasTransit;
    private uint _lastJitterTimestamp;

    private NtpTimestamp _lastSenderReport;
    private uint _lastSenderReportRtpTimestamp;
    private TimeSpan _lastSenderReportArrival;

    public ReceiveStatistics(uint ssrc, int clockRate)
    {
        if (clockRate <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(clockRate));
        }
        Ssrc = ssrc;
        ClockRate = clockRate;
    }

    public uint Ssrc { get; }

    public int ClockRate { get; }

    /// <summary>True once a packet has been counted; only such sources get report blocks.</summary>
    public bool HasReceived { get; private set; }

    /// <summary>Distinct packets counted since the first packet (or the last restart).</summary>
    public long PacketsReceived => _received;

    /// <summary>Payload octets of the counted packets.</summary>
    public long BytesReceived { get; private set; }

    public long DuplicatePackets { get; private set; }

    /// <summary>Times the sender's sequence was found to have restarted (A.1 bad_seq confirmed).</summary>
    public long Restarts { get; private set; }

    /// <summary>Highest sequence number minus the lowest, plus one (A.3 "expected").</summary>
    public long ExpectedPackets => HasReceived ? _highest - _base + 1 : 0;

    public long CumulativeLost => ExpectedPackets - _received;

    /// <summary>Cycles in the high 16 bits, highest sequence number in the low 16 (RFC 3550 6.4.1).</summary>
    public uint ExtendedHighestSequenceNumber => (uint)_highest;

    /// <summary>Interarrival jitter in RTP timestamp units, as it goes into a report block.</summary>
    public uint Jitter => (uint)Math.Min(_jitterScaled >> 4, uint.MaxValue);

    public TimeSpan JitterDuration => RtpTime.ToDuration(Jitter, ClockRate);

    public TimeSpan LastPacketTime { get; private set; }

    public bool HasSenderReport { get; private set; }

    /// <summary>NTP time of the source's last SR (for inbound lip sync together with <see cref="LastSenderReportRtpTimestamp"/>).</summary>
    public NtpTimestamp LastSenderReport => _lastSenderReport;

    public uint LastSenderReportRtpTimestamp => _lastSenderReportRtpTimestamp;

    public TimeSpan LastSenderReportArrival => _lastSenderReportArrival;

    /// <summary>Counts one arriving packet of this SSRC (the original, or an RTX packet already unwrapped).</summary>
    public PacketArrival OnPacket(TimeSpan now, RtpPacket packet) =>
        OnPacket(now, packet.SequenceNumber, packet.Timestamp, packet.Payload.Length);

    public PacketArrival OnPacket(TimeSpan now, ushort sequenceNumber, uint timestamp, int payloadLength)
    {
        if (!HasReceived)
        {
            Start(sequenceNumber);
            Count(now, payloadLength);
            UpdateJitter(now, timestamp);
            return PacketArrival.InOrder;
        }
        var ahead = (ushort)(sequenceNumber - (ushort)_highest);
        if (ahead == 0)
        {
            DuplicatePackets++;
            return PacketArrival.Duplicate;
        }
        if (ahead < MaxDropout)
        {
            _window = ahead >= WindowBits ? UInt128.One : (_window << ahead) | UInt128.One;
            _highest += ahead;
            _badSequence = NoBadSequence;
            Count(now, payloadLength);
            UpdateJitter(now, timestamp);
            return PacketArrival.InOrder;
        }
        if (ahead <= SequenceModulus - MaxMisorder)
        {
            // A.1: a big jump is believed only when the next packet continues it.
            if (sequenceNumber != _badSequence)
            {
                _badSequence = (sequenceNumber + 1) & 0xFFFF;
                return PacketArrival.SuspectedJump;
            }
            Start(sequenceNumber);
            Restarts++;
            _hasTransit = false;
            Count(now, payloadLength);
            UpdateJitter(now, timestamp);
            return PacketArrival.Restarted;
        }
        var behind = SequenceModulus - ahead;
        var bit = UInt128.One << behind;
        if ((_window & bit) != UInt128.Zero)
        {
            DuplicatePackets++;
            return PacketArrival.Duplicate;
        }
        _window |= bit;
        _base = Math.Min(_base, _highest - behind);
        Count(now, payloadLength);
        return PacketArrival.OutOfOrder;
    }

    /// <summary>Remembers the source's SR: its middle 32 NTP bits become LSR and its arrival time the DLSR origin.</summary>
    public void OnSenderReport(TimeSpan now, in SenderInfo info)
    {
        HasSenderReport = true;
        _lastSenderReport = info.NtpTimestamp;
        _lastSenderReportRtpTimestamp = info.RtpTimestamp;
        _lastSenderReportArrival = now;
    }

    /// <summary>
    /// The report block for this source at <paramref name="now"/>. The fraction lost covers the packets since the
    /// previous call (A.3), so call this once per report actually sent.
    /// </summary>
    public ReportBlock CreateReportBlock(TimeSpan now)
    {
        var expected = ExpectedPackets;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : Math.Min((lostInterval << 8) / expectedInterval, 255);
        var cumulative = (int)Math.Clamp(expected - _received, int.MinValue, int.MaxValue);
        return new ReportBlock(
            Ssrc,
            (byte)fraction,
            cumulative,
            ExtendedHighestSequenceNumber,
            Jitter,
            HasSenderReport ? _lastSenderReport.Middle32 : 0,
            HasSenderReport ? CompactNtp.FromTimeSpan(now - _lastSenderReportArrival) : 0);
    }

    private void Start(ushort sequenceNumber)
    {
        HasReceived = true;
        _base = sequenceNumber;
        _highest = sequenceNumber;
        _window = UInt128.One;
        _badSequence = NoBadSequence;
        _received = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
    }

    private void Count(TimeSpan now, int payloadLength)
    {
        _received++;
        BytesReceived += payloadLength;
        LastPacketTime = now;
    }

    private void UpdateJitter(TimeSpan now, uint timestamp)
    {
        if (_hasTransit && timestamp == _lastJitterTimestamp)
        {
            return;
        }
        // A.8: transit time in RTP units; only differences matter, so the arrival clock's epoch is irrelevant.
        var transit = unchecked((int)((uint)RtpTime.ToUnits(now, ClockRate) - timestamp));
        if (_hasTransit)
        {
            var d = Math.Abs((long)unchecked(transit - _lastTransit));
            _jitterScaled += d - ((_jitterScaled + 8) >> 4);
        }
        _lastTransit = transit;
        _lastJitterTimestamp = timestamp;
        _hasTransit = true;
    }
}
