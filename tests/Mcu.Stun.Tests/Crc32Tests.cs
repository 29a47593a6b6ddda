namespace Mcu.Stun.Tests;

public class Crc32Tests
{
    [Fact]
    public void Matches_the_standard_check_value()
    {
        // The CRC-32 catalogue's check value for the ASCII digits "123456789".
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Empty_input_is_zero()
    {
        Assert.Equal(0u, Crc32.Compute([]));
    }
}
