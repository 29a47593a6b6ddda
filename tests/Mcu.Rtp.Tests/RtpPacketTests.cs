namespace Mcu.Rtp.Tests;

public class RtpPacketTests
{
    [Fact]
    public void Parses_a_hand_built_packet_with_csrcs_and_marker()
    {
        var bytes = Bytes.FromHex(
            "82 e0 12 34" +       // V=2, CC=2; M=1, PT=96; seq 0x1234
            "00 01 e2 40" +       // timestamp 123456
            "de ad be ef" +       // SSRC
            "00 00 00 01 00 00 00 02" + // CSRCs 1, 2
            "01 02 03");          // payload

        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        Assert.True(packet.Marker);
        Assert.Equal(96, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(123456u, packet.Timestamp);
        Assert.Equal(0xDEADBEEFu, packet.Ssrc);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(1u, packet.GetCsrc(0));
        Assert.Equal(2u, packet.GetCsrc(1));
        Assert.False(packet.HasExtension);
        Assert.True(packet.Extensions.Data.IsEmpty);
        Assert.Equal(20, packet.HeaderLength);
        Assert.Equal(new byte[] { 1, 2, 3 }, packet.Payload.ToArray());
    }

    [Fact]
    public void Parses_a_chromium_style_opus_packet_with_one_byte_extensions()
    {
        // Chromium's usual audio extmap: 1 ssrc-audio-level, 3 transport-wide-cc, 4 mid.
        var bytes = Bytes.FromHex(
            "90 6f 5d 2a" +       // V=2, X=1; PT=111; seq 23850
            "3b 9a ca 00" +       // timestamp
            "4a 1f 22 7e" +       // SSRC
            "be de 00 02" +       // one-byte form, 2 words
            "10 9e" +             // id 1, len 1: V=1, level 30
            "31 01 2c" +          // id 3, len 2: transport seq 300
            "40 30" +             // id 4, len 1: MID "0"
            "00" +                // padding to the word boundary
            "78 0b e4 c1 36");    // Opus TOC (config 15, mono, code 0) + frame bytes

        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        Assert.Equal(111, packet.PayloadType);
        Assert.Equal(23850, packet.SequenceNumber);
        Assert.True(packet.Extensions.IsOneByte);

        Assert.True(packet.Extensions.TryFind(1, out var level));
        Assert.True(AudioLevelExtension.TryRead(level, out var voice, out var dbov));
        Assert.True(voice);
        Assert.Equal(30, dbov);

        Assert.True(packet.Extensions.TryFind(3, out var twcc));
        Assert.True(TransportSequenceNumberExtension.TryRead(twcc, out var transportSequence));
        Assert.Equal(300, transportSequence);

        Assert.True(packet.Extensions.TryFind(4, out var midValue));
        Assert.True(MidExtension.IsMatch(midValue, "0"));
        Assert.False(packet.Extensions.TryFind(2, out _));

        Assert.Equal(24, packet.HeaderLength);
        Assert.Equal(Bytes.FromHex("78 0b e4 c1 36"), packet.Payload.ToArray());
    }

    [Fact]
    public void Padding_is_excluded_from_the_payload()
    {
        var bytes = Bytes.FromHex("a0 60 00 01 00 00 00 00 00 00 00 01" + "aa bb" + "00 00 03");
        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        Assert.True(packet.HasPadding);
        Assert.Equal(3, packet.PaddingLength);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, packet.Payload.ToArray());
    }

    [Fact]
    public void A_padding_only_packet_has_an_empty_payload()
    {
        var bytes = Bytes.FromHex("a0 60 00 01 00 00 00 00 00 00 00 01" + "00 00 00 04");
        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        Assert.True(packet.Payload.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("80 60 00 01 00 00 00 00 00 00 00")]                     // shorter than the fixed header
    [InlineData("40 60 00 01 00 00 00 00 00 00 00 01")]                  // version 1
    [InlineData("c0 60 00 01 00 00 00 00 00 00 00 01")]                  // version 3
    [InlineData("81 60 00 01 00 00 00 00 00 00 00 01 00 00 00")]         // CSRC count past the end
    [InlineData("90 60 00 01 00 00 00 00 00 00 00 01 be de")]            // extension header cut short
    [InlineData("90 60 00 01 00 00 00 00 00 00 00 01 be de 00 02 10 01 00 00")] // extension length past the end
    [InlineData("a0 60 00 01 00 00 00 00 00 00 00 01 aa 00")]            // padding count 0
    [InlineData("a0 60 00 01 00 00 00 00 00 00 00 01 aa 05")]            // padding larger than payload
    [InlineData("a0 60 00 01 00 00 00 00 00 00 00 01")]                  // P set with no room for any padding
    public void Malformed_packets_are_rejected(string hex)
    {
        Assert.False(RtpPacket.TryParse(Bytes.FromHex(hex), out _));
    }

    [Fact]
    public void Csrc_index_outside_the_list_is_a_caller_error()
    {
        var bytes = Bytes.FromHex("80 60 00 01 00 00 00 00 00 00 00 01");
        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        try
        {
            packet.GetCsrc(0);
            Assert.Fail("expected an exception");
        }
        catch (ArgumentOutOfRangeException)
        {
        }
    }
}
