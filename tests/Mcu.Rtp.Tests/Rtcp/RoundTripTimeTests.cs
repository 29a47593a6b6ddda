using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class RoundTripTimeTests
{
    [Fact]
    public void Rtt_is_arrival_minus_lsr_minus_dlsr()
    {
        // RFC 3550 6.4.1 figure: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s),
        // DLSR = 0x0005:4000 (5.250 s) -> RTT = 0x0006:2000 (6.125 s).
        Assert.True(RoundTripTime.TryCompute(0xb7108000, 0xb7052000, 0x00054000, out var rtt));
        Assert.Equal(TimeSpan.FromSeconds(6.125), rtt);
    }

    [Fact]
    public void Works_from_a_report_block_across_the_16_16_wrap()
    {
        var block = new ReportBlock(1, 0, 0, 0, 0, 0xFFFF_F000, CompactNtp.FromTimeSpan(TimeSpan.FromMilliseconds(100)));
        var arrival = 0xFFFF_F000u + CompactNtp.FromTimeSpan(TimeSpan.FromMilliseconds(150));
        Assert.True(RoundTripTime.TryCompute(arrival, block, out var rtt));
        Assert.InRange(rtt.TotalMilliseconds, 49.9, 50.1);
    }

    [Fact]
    public void No_sender_report_or_a_negative_result_gives_no_rtt()
    {
        Assert.False(RoundTripTime.TryCompute(1000, 0, 0, out _));
        Assert.False(RoundTripTime.TryCompute(1000, 900, 200, out _));
    }
}
