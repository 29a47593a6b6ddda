namespace Mcu.Srtp.Tests;

public class SrtpPacketIndexTests
{
    [Theory]
    // Same ROC, either side of s_l.
    [InlineData(0x0_1000, 0x1001, 0x0_1001)]
    [InlineData(0x0_1000, 0x0fff, 0x0_0fff)]
    // s_l high in the space: a small SEQ is after the wrap (ROC + 1).
    [InlineData(0x0_fffe, 0x0001, 0x1_0001)]
    [InlineData(0x3_ff00, 0x0000, 0x4_0000)]
    // s_l low in the space: a large SEQ is before the wrap (ROC - 1).
    [InlineData(0x1_0001, 0xfffe, 0x0_fffe)]
    [InlineData(0x4_0002, 0xff00, 0x3_ff00)]
    // Exactly half the space away stays in the same ROC.
    [InlineData(0x0_0000, 0x8000, 0x0_8000)]
    [InlineData(0x1_8000, 0x0000, 0x1_0000)]
    public void Guesses_the_rollover_counter_as_rfc3711_appendix_a(long highest, int sequence, long expected)
    {
        Assert.Equal(expected, SrtpPacketIndex.Estimate((ulong)highest, (ushort)sequence));
    }

    [Fact]
    public void A_sequence_number_before_the_first_rollover_has_no_index()
    {
        Assert.Equal(-1, SrtpPacketIndex.Estimate(0x0_0010, 0xfff0));
    }
}
