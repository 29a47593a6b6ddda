namespace Mcu.Rtp.Tests;

public class RtpPacketWriterTests
{
    private static readonly RtpHeader Header = new(PayloadType: 96, SequenceNumber: 65535, Timestamp: 0xFFFFFFF0, Ssrc: 0x01020304, Marker: true);

    [Fact]
    public void A_header_without_extensions_round_trips()
    {
        var buffer = new byte[64];
        Assert.True(RtpPacketWriter.TryCreate(buffer, Header, new uint[] { 7, 8 }, out var writer));
        Assert.True(writer.TryWritePayload(new byte[] { 9, 9, 9 }, out var length));

        Assert.Equal(12 + 8 + 3, length);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet));
        Assert.False(packet.HasExtension);
        Assert.True(packet.Marker);
        Assert.Equal(96, packet.PayloadType);
        Assert.Equal(65535, packet.SequenceNumber);
        Assert.Equal(0xFFFFFFF0u, packet.Timestamp);
        Assert.Equal(0x01020304u, packet.Ssrc);
        Assert.Equal(8u, packet.GetCsrc(1));
        Assert.Equal(new byte[] { 9, 9, 9 }, packet.Payload.ToArray());
    }

    [Fact]
    public void Small_extensions_use_the_one_byte_form_and_are_found_by_id()
    {
        var buffer = new byte[128];
        Assert.True(RtpPacketWriter.TryCreate(buffer, Header, out var writer));
        Assert.True(writer.TryAddExtension(1, AudioLevelExtension.Size, out var level));
        Assert.True(AudioLevelExtension.TryWrite(level, voiceActivity: false, level: 127));
        Assert.True(writer.TryAddExtension(2, AbsSendTimeExtension.Size, out var sendTime));
        Assert.True(AbsSendTimeExtension.TryWrite(sendTime, 0xABCDEF));
        Assert.True(writer.TryAddExtension(14, "video"u8));
        Assert.True(writer.TryWritePayload(new byte[] { 0x42 }, out var length));

        // Elements 2 + 4 + 6 = 12 bytes: exactly three words, no padding.
        Assert.Equal(12 + 4 + 12 + 1, length);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet));
        var extensions = packet.Extensions;
        Assert.True(extensions.IsOneByte);
        Assert.True(extensions.TryFind(1, out var levelValue));
        Assert.True(AudioLevelExtension.TryRead(levelValue, out var voice, out var dbov));
        Assert.False(voice);
        Assert.Equal(127, dbov);
        Assert.True(extensions.TryFind(2, out var sendTimeValue));
        Assert.True(AbsSendTimeExtension.TryRead(sendTimeValue, out var value));
        Assert.Equal(0xABCDEFu, value);
        Assert.True(extensions.TryFind(14, out var mid));
        Assert.Equal("video"u8.ToArray(), mid.ToArray());
        Assert.Equal(new byte[] { 0x42 }, packet.Payload.ToArray());
    }

    [Theory]
    [InlineData(15, 1)]   // id 15 is reserved in the one-byte form
    [InlineData(200, 1)]  // id above 14
    [InlineData(3, 17)]   // value longer than 16
    [InlineData(3, 0)]    // empty value
    public void Extensions_the_one_byte_form_cannot_carry_switch_to_the_two_byte_form(int id, int length)
    {
        var buffer = new byte[128];
        Assert.True(RtpPacketWriter.TryCreate(buffer, Header, out var writer));
        Assert.True(writer.TryAddExtension(1, new byte[] { 0x55 }));
        var value = new byte[length];
        Array.Fill(value, (byte)0xEE);
        Assert.True(writer.TryAddExtension(id, value));
        Assert.True(writer.TryWritePayload(ReadOnlySpan<byte>.Empty, out var packetLength));

        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, packetLength), out var packet));
        Assert.True(packet.Extensions.IsTwoByte);
        Assert.Equal(RtpHeaderExtensions.TwoByteProfile, packet.Extensions.Profile);
        Assert.True(packet.Extensions.TryFind(1, out var first));
        Assert.Equal(new byte[] { 0x55 }, first.ToArray());
        Assert.True(packet.Extensions.TryFind(id, out var second));
        Assert.Equal(value, second.ToArray());
        Assert.Equal(0, (packetLength - 12) % 4);
    }

    [Fact]
    public void Extension_block_is_padded_to_a_word_with_zeros()
    {
        var buffer = new byte[64];
        Array.Fill(buffer, (byte)0xFF);
        Assert.True(RtpPacketWriter.TryCreate(buffer, Header, out var writer));
        Assert.True(writer.TryAddExtension(5, new byte[] { 1, 2 }));
        var headerLength = writer.FinishHeader();

        Assert.Equal(12 + 4 + 4, headerLength);
        Assert.Equal(Bytes.FromHex("be de 00 01 51 01 02 00"), buffer.AsSpan(12, 8).ToArray());
    }

    [Fact]
    public void Invalid_ids_and_lack_of_space_are_refused()
    {
        var buffer = new byte[20];
        Assert.True(RtpPacketWriter.TryCreate(buffer, Header, out var writer));
        Assert.False(writer.TryAddExtension(0, new byte[] { 1 }));
        Assert.False(writer.TryAddExtension(256, new byte[] { 1 }));
        Assert.False(writer.TryAddExtension(1, new byte[256]));
        Assert.False(writer.TryAddExtension(1, new byte[8]));
        Assert.Equal(12, writer.FinishHeader());
        Assert.False(writer.TryAddExtension(1, new byte[1]));

        Assert.False(RtpPacketWriter.TryCreate(new byte[11], Header, out _));
        Assert.False(RtpPacketWriter.TryCreate(new byte[100], Header, new uint[16], out _));
        Assert.False(RtpPacketWriter.TryCreate(new byte[100], Header with { PayloadType = 128 }, out _));
    }

    [Fact]
    public void Appended_padding_is_removed_again_by_the_parser()
    {
        var buffer = new byte[64];
        Assert.True(RtpPacketWriter.TryCreate(buffer, Header, out var writer));
        Assert.True(writer.TryWritePayload(new byte[] { 1, 2, 3 }, out var length));
        Assert.True(RtpPacketWriter.TryAppendPadding(buffer, length, 5, out var padded));

        Assert.Equal(length + 5, padded);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, padded), out var packet));
        Assert.True(packet.HasPadding);
        Assert.Equal(new byte[] { 1, 2, 3 }, packet.Payload.ToArray());
        Assert.False(RtpPacketWriter.TryAppendPadding(buffer, padded, 0, out _));
        Assert.False(RtpPacketWriter.TryAppendPadding(buffer.AsSpan(0, padded + 2), padded, 3, out _));
    }

    [Fact]
    public void Max_header_size_bounds_what_the_writer_produces()
    {
        var size = RtpPacketWriter.GetMaxHeaderSize(csrcCount: 0, extensionCount: 2, totalExtensionValueBytes: 4);
        var buffer = new byte[size];
        Assert.True(RtpPacketWriter.TryCreate(buffer, Header, out var writer));
        Assert.True(writer.TryAddExtension(20, new byte[] { 1, 2 }));
        Assert.True(writer.TryAddExtension(21, new byte[] { 3, 4 }));
        Assert.True(writer.FinishHeader() <= size);
    }
}
