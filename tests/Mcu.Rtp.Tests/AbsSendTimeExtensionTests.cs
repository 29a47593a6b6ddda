namespace Mcu.Rtp.Tests;

public class AbsSendTimeExtensionTests
{
    [Fact]
    public void Time_is_6_18_fixed_point_seconds()
    {
        Assert.Equal(1u << 18, AbsSendTimeExtension.FromTime(TimeSpan.FromSeconds(1)));
        Assert.Equal(3u << 17, AbsSendTimeExtension.FromTime(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), AbsSendTimeExtension.ToTime(3u << 17));
    }

    [Fact]
    public void Value_wraps_every_64_seconds_even_after_a_long_uptime()
    {
        Assert.Equal(AbsSendTimeExtension.FromTime(TimeSpan.FromSeconds(1)), AbsSendTimeExtension.FromTime(TimeSpan.FromSeconds(65)));
        var longUptime = TimeSpan.FromDays(400) + TimeSpan.FromMilliseconds(250);
        Assert.Equal(AbsSendTimeExtension.FromTime(TimeSpan.FromMilliseconds(250) + TimeSpan.FromSeconds(400L * 86400 % 64)), AbsSendTimeExtension.FromTime(longUptime));
        Assert.True(AbsSendTimeExtension.FromTime(TimeSpan.FromSeconds(63.9999)) <= 0xFFFFFF);
    }

    [Fact]
    public void Three_bytes_round_trip_big_endian()
    {
        var buffer = new byte[3];
        Assert.True(AbsSendTimeExtension.TryWrite(buffer, 0x123456));
        Assert.Equal(new byte[] { 0x12, 0x34, 0x56 }, buffer);
        Assert.True(AbsSendTimeExtension.TryRead(buffer, out var value));
        Assert.Equal(0x123456u, value);
        Assert.False(AbsSendTimeExtension.TryRead(buffer.AsSpan(0, 2), out _));
        Assert.False(AbsSendTimeExtension.TryWrite(new byte[2], 1));
    }
}
