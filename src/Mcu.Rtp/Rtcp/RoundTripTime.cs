namespace Mcu.Rtp.Rtcp;

/// <summary>Round-trip time from a reception report (RFC 3550 section 6.4.1): A - LSR - DLSR in 16.16 seconds.</summary>
public static class RoundTripTime
{
    /// <summary>
    /// Computes the RTT for a report block that arrived at <paramref name="arrivalMiddle32"/> (the middle 32 bits
    /// of the NTP time of arrival, the same clock our SRs carried). False when the block reports no SR (LSR 0)
    /// or the result would be negative (clock skew or a stale LSR).
    /// </summary>
    public static bool TryCompute(uint arrivalMiddle32, uint lastSenderReport, uint delaySinceLastSenderReport, out TimeSpan rtt)
    {
        rtt = TimeSpan.Zero;
        if (lastSenderReport == 0)
        {
            return false;
        }
        // Modular arithmetic handles the 16.16 wrap every 18 hours; a "negative" result shows up as a huge value.
        var compact = arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport;
        if (compact >= 0x8000_0000)
        {
            return false;
        }
        rtt = CompactNtp.ToTimeSpan(compact);
        return true;
    }

    public static bool TryCompute(uint arrivalMiddle32, in ReportBlock block, out TimeSpan rtt) =>
        TryCompute(arrivalMiddle32, block.LastSenderReport, block.DelaySinceLastSenderReport, out rtt);
}
