namespace Mcu.Rtp.Tests;

public class TimestampUnwrapperTests
{
    [Fact]
    public void Extends_across_wrap_with_reordering()
    {
        var unwrapper = new TimestampUnwrapper();
        Assert.Equal(0xFFFFFF00L, unwrapper.Unwrap(0xFFFFFF00));
        Assert.Equal(0x1_0000_0100L, unwrapper.Unwrap(0x100));
        Assert.Equal(0xFFFFFFF0L, unwrapper.Unwrap(0xFFFFFFF0));
        Assert.Equal(0x1_0000_0200L, unwrapper.Unwrap(0x200));
        Assert.Equal(0x1_0000_0200L, unwrapper.Newest);
    }
}
