namespace Mcu.Primitives.Tests;

public class DatagramClassifierTests
{
    // The demultiplexing table of RFC 7983 section 7 (with RFC 9443's QUIC range), every first byte.
    [Theory]
    [InlineData(0, 3, DatagramKind.Stun)]
    [InlineData(4, 15, DatagramKind.Unknown)]
    [InlineData(16, 19, DatagramKind.Unknown)] // ZRTP
    [InlineData(20, 63, DatagramKind.Dtls)]
    [InlineData(64, 79, DatagramKind.Unknown)] // TURN channel
    [InlineData(80, 127, DatagramKind.Unknown)] // QUIC
    [InlineData(192, 255, DatagramKind.Unknown)]
    public void Every_first_byte_falls_in_its_rfc7983_range(int from, int to, DatagramKind expected)
    {
        for (var b = from; b <= to; b++)
        {
            Assert.Equal(expected, DatagramClassifier.Classify([(byte)b, 0x00, 0x00, 0x00]));
        }
    }

    [Fact]
    public void Rtp_and_rtcp_are_told_apart_by_the_rfc5761_packet_type_range()
    {
        for (var first = 128; first <= 191; first++)
        {
            for (var second = 0; second <= 255; second++)
            {
                var expected = second is >= 192 and <= 223 ? DatagramKind.Rtcp : DatagramKind.Rtp;
                Assert.Equal(expected, DatagramClassifier.Classify([(byte)first, (byte)second]));
            }
        }
    }

    [Fact]
    public void Empty_and_one_byte_rtp_range_datagrams_are_unknown()
    {
        Assert.Equal(DatagramKind.Unknown, DatagramClassifier.Classify([]));
        Assert.Equal(DatagramKind.Unknown, DatagramClassifier.Classify([0x80]));
    }
}
