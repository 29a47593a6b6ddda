namespace Mcu.Rtp.Tests;

public class SequenceNumberUnwrapperTests
{
    [Fact]
    public void Extends_across_wrap_with_reordering()
    {
        var unwrapper = new SequenceNumberUnwrapper();
        ushort[] arrivals = { 65533, 65535, 65534, 1, 0, 2, 65532, 3 };
        long[] expected = { 65533, 65535, 65534, 65537, 65536, 65538, 65532, 65539 };
        for (var i = 0; i < arrivals.Length; i++)
        {
            Assert.Equal(expected[i], unwrapper.Unwrap(arrivals[i]));
        }
        Assert.Equal(65539, unwrapper.Newest);
    }

    [Fact]
    public void Keeps_counting_through_many_wraps()
    {
        var unwrapper = new SequenceNumberUnwrapper();
        long last = 0;
        for (var i = 0; i < 5 * 65536; i += 1000)
        {
            last = unwrapper.Unwrap((ushort)i);
            Assert.Equal(i, last);
        }
        Assert.True(last > 4 * 65536);
    }

    [Fact]
    public void A_late_packet_from_before_the_first_goes_negative()
    {
        var unwrapper = new SequenceNumberUnwrapper();
        Assert.Equal(0, unwrapper.Unwrap(0));
        Assert.Equal(-1, unwrapper.Unwrap(65535));
        Assert.Equal(0, unwrapper.Newest);
    }
}
