using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class TransportWideFeedbackTests
{
    [Fact]
    public void Fixed_part_is_read_and_the_rest_left_opaque()
    {
        Assert.True(TransportWideFeedback.TryParse(RtcpPackets.TransportWide, out var feedback));
        Assert.Equal(1u, feedback.SenderSsrc);
        Assert.Equal(2u, feedback.MediaSsrc);
        Assert.Equal(5, feedback.BaseSequenceNumber);
        Assert.Equal(2, feedback.PacketStatusCount);
        Assert.Equal(TimeSpan.FromMilliseconds(1024), feedback.ReferenceTime);
        Assert.Equal(7, feedback.FeedbackPacketCount);
        Assert.Equal(4, feedback.PacketChunksAndDeltas.Length);
    }

    [Fact]
    public void Reference_time_is_signed()
    {
        var packet = RtcpPackets.TransportWide.ToArray();
        packet[16] = 0xFF;
        packet[17] = 0xFF;
        packet[18] = 0xFF;
        Assert.True(TransportWideFeedback.TryParse(packet, out var feedback));
        Assert.Equal(TimeSpan.FromMilliseconds(-64), feedback.ReferenceTime);
    }

    [Fact]
    public void A_truncated_fixed_part_is_rejected()
    {
        Assert.False(TransportWideFeedback.TryParse(Bytes.FromHex("8f cd 00 03 00 00 00 01 00 00 00 02 00 05 00 02"), out _));
    }
}
