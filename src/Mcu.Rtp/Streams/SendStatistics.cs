using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Streams;

/// <summary>
/// Send-side state of one local SSRC toward one peer: packet and octet counts for the SR (RFC 3550 6.4.1), the
/// clock mapping that gives the SR's RTP timestamp, and what the peer's reception reports said about the stream.
/// </summary>
public sealed class SendStatistics
{
    private RtpClockMapping _clock;

    public SendStatistics(uint ssrc, RtpClockMapping clock)
    {
        Ssrc = ssrc;
        Clock = clock;
    }

    public uint Ssrc { get; }

    /// <summary>Maps a send instant to this SSRC's RTP timestamps; replace it when the stream's time base changes.</summary>
    public RtpClockMapping Clock
    {
        get => _clock;
        set
        {
            if (value.ClockRate <= 0)
            {
                ThrowHelper.Argument("The clock mapping has no clock rate.", nameof(value));
            }
            _clock = value;
        }
    }

    public long PacketsSent { get; private set; }

    /// <summary>Payload octets sent (RFC 3550 6.4.1: headers and padding are not counted).</summary>
    public long OctetsSent { get; private set; }

    /// <summary>True once a packet was sent: the reporter then sends an SR for this SSRC.</summary>
    public bool IsSending => PacketsSent > 0;

    /// <summary>True once a reception report about this SSRC arrived.</summary>
    public bool HasReceptionReport { get; private set; }

    /// <summary>The latest report block the peer sent about this SSRC.</summary>
    public ReportBlock LastReceptionReport { get; private set; }

    public TimeSpan LastReceptionReportTime { get; private set; }

    public bool HasRoundTripTime { get; private set; }

    /// <summary>The latest round-trip time from a report block that echoed one of our SRs.</summary>
    public TimeSpan RoundTripTime { get; private set; }

    public void OnPacketSent(int payloadLength)
    {
        PacketsSent++;
        OctetsSent += payloadLength;
    }

    public void OnPacketSent(RtpPacket packet) => OnPacketSent(packet.Payload.Length);

    /// <summary>
    /// The SR sender section for the instant (<paramref name="now"/>, <paramref name="utcNow"/>), which the caller
    /// reads together: NTP from the wall clock, RTP timestamp from <see cref="Clock"/> at the same instant.
    /// Counts are the low 32 bits, wrapping as RFC 3550 6.4.1 allows.
    /// </summary>
    public SenderInfo CreateSenderInfo(TimeSpan now, DateTime utcNow) => new(
        Ssrc,
        NtpTimestamp.FromDateTime(utcNow),
        Clock.GetRtpTimestamp(now),
        unchecked((uint)PacketsSent),
        unchecked((uint)OctetsSent));

    /// <summary>
    /// Takes a report block about this SSRC that arrived at <paramref name="now"/>; <paramref name="arrivalMiddle32"/>
    /// is the middle 32 bits of the NTP time of arrival on the wall clock our SRs used. Returns the RTT when the
    /// block echoed one of our SRs.
    /// </summary>
    public bool OnReceptionReport(TimeSpan now, in ReportBlock block, uint arrivalMiddle32, out TimeSpan roundTripTime)
    {
        HasReceptionReport = true;
        LastReceptionReport = block;
        LastReceptionReportTime = now;
        if (!Rtcp.RoundTripTime.TryCompute(arrivalMiddle32, block, out roundTripTime))
        {
            return false;
        }
        HasRoundTripTime = true;
        RoundTripTime = roundTripTime;
        return true;
    }
}
