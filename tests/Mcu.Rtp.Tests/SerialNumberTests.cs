namespace Mcu.Rtp.Tests;

public class SerialNumberTests
{
    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(0, 1, false)]
    [InlineData(0, 65535, true)]      // across the wrap
    [InlineData(65535, 0, false)]
    [InlineData(100, 65000, true)]
    [InlineData(5, 5, false)]
    [InlineData(32767, 0, true)]
    [InlineData(32768, 0, true)]      // exactly half way: tie broken by value
    [InlineData(0, 32768, false)]
    public void Sequence_numbers_compare_across_wrap(int a, int b, bool newer)
    {
        Assert.Equal(newer, SerialNumber.IsNewer((ushort)a, (ushort)b));
    }

    [Fact]
    public void Timestamps_compare_across_wrap()
    {
        Assert.True(SerialNumber.IsNewer(10u, 0xFFFFFFF0u));
        Assert.False(SerialNumber.IsNewer(0xFFFFFFF0u, 10u));
        Assert.False(SerialNumber.IsNewer(7u, 7u));
    }

    [Fact]
    public void Differences_are_signed_and_wrap_aware()
    {
        Assert.Equal(2, SerialNumber.Difference((ushort)1, (ushort)65535));
        Assert.Equal(-2, SerialNumber.Difference((ushort)65535, (ushort)1));
        Assert.Equal(26L, SerialNumber.Difference(10u, 0xFFFFFFF0u));
        Assert.Equal(-26L, SerialNumber.Difference(0xFFFFFFF0u, 10u));
    }
}
