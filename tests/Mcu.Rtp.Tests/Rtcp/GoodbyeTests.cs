using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Tests.Rtcp;

public class GoodbyeTests
{
    [Fact]
    public void Parses_sources_and_reason_and_round_trips()
    {
        Assert.True(Goodbye.TryParse(RtcpPackets.Goodbye, out var bye));
        Assert.Equal(1, bye.SsrcCount);
        Assert.Equal(0x11223344u, bye.GetSsrc(0));
        Assert.Equal("bye"u8.ToArray(), bye.Reason.ToArray());

        var buffer = new byte[Goodbye.GetSize(1, 3)];
        Assert.True(Goodbye.TryWrite(buffer, new[] { 0x11223344u }, "bye"u8, out var written));
        Assert.Equal(RtcpPackets.Goodbye, buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void Reason_is_optional_and_padded()
    {
        var buffer = new byte[64];
        Assert.True(Goodbye.TryWrite(buffer, new[] { 1u, 2u }, ReadOnlySpan<byte>.Empty, out var written));
        Assert.Equal(12, written);
        Assert.True(Goodbye.TryParse(buffer.AsSpan(0, written), out var bye));
        Assert.Equal(2u, bye.GetSsrc(1));
        Assert.True(bye.Reason.IsEmpty);

        Assert.True(Goodbye.TryWrite(buffer, new[] { 1u }, "left"u8, out written));
        Assert.Equal(16, written);
        Assert.True(Goodbye.TryParse(buffer.AsSpan(0, written), out bye));
        Assert.Equal("left"u8.ToArray(), bye.Reason.ToArray());
    }

    [Theory]
    [InlineData("82 cb 00 01 11 22 33 44")]          // SC=2, one SSRC
    [InlineData("81 cb 00 02 11 22 33 44 07 62 79 65")] // reason length past the end
    public void Malformed_byes_are_rejected(string hex)
    {
        Assert.False(Goodbye.TryParse(Bytes.FromHex(hex), out _));
    }
}
