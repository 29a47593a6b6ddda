namespace Mcu.Srtp.Tests;

public class SsrcStateTests
{
    [Fact]
    public void Srtcp_indices_start_at_zero_and_count_up()
    {
        var state = new SsrcState();
        for (uint expected = 0; expected < 5; expected++)
        {
            Assert.True(state.TryTakeSrtcpIndex(out var index));
            Assert.Equal(expected, index);
        }
    }

    [Fact]
    public void The_srtcp_index_never_wraps_past_2_pow_31_minus_1()
    {
        var state = new SsrcState(nextSrtcpIndex: 0x7FFF_FFFE);

        Assert.True(state.TryTakeSrtcpIndex(out var last));
        Assert.True(state.TryTakeSrtcpIndex(out var final));
        Assert.False(state.TryTakeSrtcpIndex(out _));
        Assert.False(state.TryTakeSrtcpIndex(out _));
        Assert.Equal(0x7FFF_FFFEu, last);
        Assert.Equal(0x7FFF_FFFFu, final);
    }

    [Fact]
    public void Sent_rtp_indices_follow_the_sequence_number_across_wraps_and_retransmissions()
    {
        var state = new SsrcState();

        Assert.Equal(0x0_fffe, state.NextRtpIndex(0xfffe));
        Assert.Equal(0x0_ffff, state.NextRtpIndex(0xffff));
        Assert.Equal(0x1_0000, state.NextRtpIndex(0x0000));
        Assert.Equal(0x0_fffe, state.NextRtpIndex(0xfffe)); // a retransmission keeps its old ROC
        Assert.Equal(0x1_0001, state.NextRtpIndex(0x0001));
    }
}
