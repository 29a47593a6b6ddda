using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class CompactNtpTests
{
    [Fact]
    public void Durations_are_16_16_seconds()
    {
        Assert.Equal(0x0001_8000u, CompactNtp.FromTimeSpan(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), CompactNtp.ToTimeSpan(0x0001_8000));
        Assert.Equal(0u, CompactNtp.FromTimeSpan(TimeSpan.FromSeconds(-1)));
        Assert.Equal(uint.MaxValue, CompactNtp.FromTimeSpan(TimeSpan.FromDays(2)));
    }
}
