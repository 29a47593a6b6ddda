namespace Mcu.Srtp.Tests;

public class RtpHeaderFieldsTests
{
    [Fact]
    public void Reads_sequence_number_ssrc_and_the_fixed_header_length()
    {
        var packet = TestPackets.Rtp(0xABCD, 0x01020304, payloadLength: 20, spare: 0);

        Assert.True(RtpHeaderFields.TryParse(packet, out var header));
        Assert.Equal(12, header.Length);
        Assert.Equal(0xABCD, header.SequenceNumber);
        Assert.Equal(0x01020304u, header.Ssrc);
    }

    [Fact]
    public void Csrcs_and_the_extension_are_part_of_the_header()
    {
        var packet = TestPackets.Rtp(1, 2, payloadLength: 5, spare: 0, csrcCount: 3, extensionWords: 2);

        Assert.True(RtpHeaderFields.TryParse(packet, out var header));
        Assert.Equal(12 + 12 + 4 + 8, header.Length);
    }

    [Fact]
    public void A_header_only_packet_is_valid()
    {
        var packet = TestPackets.Rtp(1, 2, payloadLength: 0, spare: 0, csrcCount: 15);

        Assert.True(RtpHeaderFields.TryParse(packet, out var header));
        Assert.Equal(packet.Length, header.Length);
    }

    [Fact]
    public void Every_truncation_of_a_header_with_csrcs_and_extension_is_rejected()
    {
        var packet = TestPackets.Rtp(1, 2, payloadLength: 0, spare: 0, csrcCount: 2, extensionWords: 3);
        for (var length = 0; length < packet.Length; length++)
        {
            Assert.False(RtpHeaderFields.TryParse(packet.AsSpan(0, length), out _), $"length {length}");
        }
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x40)]
    [InlineData(0xC0)]
    public void Versions_other_than_2_are_rejected(byte first)
    {
        var packet = TestPackets.Rtp(1, 2, payloadLength: 8, spare: 0);
        packet[0] = first;

        Assert.False(RtpHeaderFields.TryParse(packet, out _));
    }

    [Fact]
    public void An_extension_length_beyond_the_packet_is_rejected()
    {
        var packet = TestPackets.Rtp(1, 2, payloadLength: 8, spare: 0, extensionWords: 1);
        packet[14] = 0xFF;
        packet[15] = 0xFF;

        Assert.False(RtpHeaderFields.TryParse(packet, out _));
    }
}
