using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class ReceiverEstimatedMaxBitrateTests
{
    [Fact]
    public void Parses_bitrate_and_ssrcs_and_round_trips()
    {
        Assert.True(ReceiverEstimatedMaxBitrate.TryParse(RtcpPackets.Remb, out var remb));
        Assert.Equal(1u, remb.SenderSsrc);
        Assert.Equal(1_500_000UL, remb.Bitrate);
        Assert.Equal(1, remb.SsrcCount);
        Assert.Equal(0x11223344u, remb.GetSsrc(0));

        var buffer = new byte[ReceiverEstimatedMaxBitrate.GetSize(1)];
        Assert.True(ReceiverEstimatedMaxBitrate.TryWrite(buffer, 1, 1_500_000, new[] { 0x11223344u }, out var written));
        Assert.Equal(RtcpPackets.Remb, buffer.AsSpan(0, written).ToArray());
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(262_143UL)]
    [InlineData(262_144UL)]
    [InlineData(1_234_567UL)]
    [InlineData(2_500_001UL)]
    [InlineData(987_654_321_987UL)]
    public void Bitrates_round_trip_within_the_18_bit_mantissa_precision(ulong bitrate)
    {
        var buffer = new byte[ReceiverEstimatedMaxBitrate.GetSize(0)];
        Assert.True(ReceiverEstimatedMaxBitrate.TryWrite(buffer, 1, bitrate, ReadOnlySpan<uint>.Empty, out _));
        Assert.True(ReceiverEstimatedMaxBitrate.TryParse(buffer, out var remb));
        // Truncation never overstates, and loses less than one part in 2^17.
        Assert.True(remb.Bitrate <= bitrate);
        Assert.True(bitrate - remb.Bitrate <= bitrate >> 17);
    }

    [Fact]
    public void Huge_exponents_saturate_instead_of_overflowing()
    {
        Assert.Equal(ulong.MaxValue, ReceiverEstimatedMaxBitrate.Decode(63, 0x3FFFF));
        Assert.Equal(0x3FFFFUL << 46, ReceiverEstimatedMaxBitrate.Decode(46, 0x3FFFF));
        ReceiverEstimatedMaxBitrate.Encode(ulong.MaxValue, out var exponent, out var mantissa);
        Assert.Equal(46, exponent);
        Assert.Equal(0x3FFFFu, mantissa);
    }

    [Theory]
    [InlineData("8f ce 00 05 00 00 00 01 00 00 00 00 52 45 4d 42 02 0e dc 6c 11 22 33 44")] // Num SSRC 2, one present
    [InlineData("8f ce 00 04 00 00 00 01 00 00 00 00 52 45 4d 43 00 0e dc 6c")]             // not "REMB"
    [InlineData("8f ce 00 03 00 00 00 01 00 00 00 00 52 45 4d 42")]                         // no bitrate word
    public void Malformed_rembs_are_rejected(string hex)
    {
        Assert.False(ReceiverEstimatedMaxBitrate.TryParse(Bytes.FromHex(hex), out _));
    }
}
