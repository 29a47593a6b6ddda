using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class NtpTimestampTests
{
    [Fact]
    public void Unix_epoch_is_2208988800_ntp_seconds()
    {
        var ntp = NtpTimestamp.FromDateTime(DateTime.UnixEpoch);
        Assert.Equal(2_208_988_800u, ntp.Seconds);
        Assert.Equal(0u, ntp.Fraction);
    }

    [Fact]
    public void Fraction_is_a_binary_fraction_of_a_second()
    {
        var ntp = NtpTimestamp.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(500));
        Assert.Equal(0x8000_0000u, ntp.Fraction);
        Assert.Equal((2_208_988_800u << 16) | 0x8000u, ntp.Middle32);
    }

    [Fact]
    public void Round_trips_to_the_tick_in_both_eras()
    {
        var times = new[]
        {
            new DateTime(2025, 6, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1234567),
            new DateTime(2040, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(42),
        };
        foreach (var time in times)
        {
            var back = NtpTimestamp.FromDateTime(time).ToDateTime();
            Assert.InRange((back - time).Duration().Ticks, 0, 1);
        }
        Assert.True(NtpTimestamp.FromDateTime(times[1]).Seconds < 0x8000_0000u);
    }
}
