using Mcu.Rtp.Streams;

namespace Mcu.Rtp.Tests.Streams;

public class RtpClockMappingTests
{
    [Fact]
    public void Later_and_earlier_instants_advance_by_the_clock_rate()
    {
        var mapping = new RtpClockMapping(TimeSpan.FromSeconds(10), 1000, 90000);

        Assert.Equal(1000u, mapping.GetRtpTimestamp(TimeSpan.FromSeconds(10)));
        Assert.Equal(1000u + 90000, mapping.GetRtpTimestamp(TimeSpan.FromSeconds(11)));
        Assert.Equal(1000u + 3000, mapping.GetRtpTimestamp(TimeSpan.FromSeconds(10) + TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30)));
        Assert.Equal(unchecked(1000u - 45000), mapping.GetRtpTimestamp(TimeSpan.FromSeconds(9.5)));
    }

    [Fact]
    public void Timestamps_wrap_modulo_two_to_the_32()
    {
        var mapping = new RtpClockMapping(TimeSpan.Zero, uint.MaxValue - 10, 48000);

        Assert.Equal(47989u, mapping.GetRtpTimestamp(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), mapping.GetTime(47989u));
    }

    [Fact]
    public void Does_not_overflow_after_months_of_uptime()
    {
        var reference = TimeSpan.FromDays(200);
        var mapping = new RtpClockMapping(reference, 0, 90000);

        Assert.Equal(90000u, mapping.GetRtpTimestamp(reference + TimeSpan.FromSeconds(1)));
        Assert.Equal(unchecked((uint)(90000L * 86400 * 200)), new RtpClockMapping(TimeSpan.Zero, 0, 90000).GetRtpTimestamp(reference));
    }

    [Fact]
    public void An_offset_shifts_every_timestamp()
    {
        var mapping = new RtpClockMapping(TimeSpan.FromSeconds(1), 500, 90000).WithOffset(0xFFFF_FF00);
        Assert.Equal(unchecked(500u + 0xFFFF_FF00 + 90000), mapping.GetRtpTimestamp(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_non_positive_clock_rate_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpClockMapping(TimeSpan.Zero, 0, 0));
    }
}
