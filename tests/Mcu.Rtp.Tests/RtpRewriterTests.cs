namespace Mcu.Rtp.Tests;

public class RtpRewriterTests
{
    private static byte[] BuildPacket()
    {
        var buffer = new byte[64];
        RtpPacketWriter.TryCreate(buffer, new RtpHeader(96, 100, 9000, 0x11111111, Marker: true), out var writer);
        writer.TryAddExtension(3, new byte[] { 0, 1 });
        writer.TryWritePayload(new byte[] { 5, 6, 7 }, out var length);
        return buffer.AsSpan(0, length).ToArray();
    }

    [Fact]
    public void Rewrite_changes_only_the_translated_fields()
    {
        var packet = BuildPacket();
        var original = packet.ToArray();

        Assert.True(RtpRewriter.TryRewrite(packet, 100, 2000, 123456, 0xCAFEBABE));

        Assert.True(RtpPacket.TryParse(packet, out var parsed));
        Assert.Equal(100, parsed.PayloadType);
        Assert.True(parsed.Marker);
        Assert.Equal(2000, parsed.SequenceNumber);
        Assert.Equal(123456u, parsed.Timestamp);
        Assert.Equal(0xCAFEBABEu, parsed.Ssrc);
        Assert.True(parsed.Extensions.TryFind(3, out var extension));
        Assert.Equal(new byte[] { 0, 1 }, extension.ToArray());
        Assert.Equal(original.AsSpan(12).ToArray(), packet.AsSpan(12).ToArray());
        Assert.Equal(original[0], packet[0]);
    }

    [Fact]
    public void Single_field_setters_edit_in_place()
    {
        var packet = BuildPacket();
        Assert.True(RtpRewriter.TrySetPayloadType(packet, 111));
        Assert.True(RtpRewriter.TrySetMarker(packet, false));
        Assert.True(RtpRewriter.TrySetSequenceNumber(packet, 7));
        Assert.True(RtpRewriter.TrySetTimestamp(packet, 8));
        Assert.True(RtpRewriter.TrySetSsrc(packet, 9));

        Assert.True(RtpPacket.TryParse(packet, out var parsed));
        Assert.Equal(111, parsed.PayloadType);
        Assert.False(parsed.Marker);
        Assert.Equal(7, parsed.SequenceNumber);
        Assert.Equal(8u, parsed.Timestamp);
        Assert.Equal(9u, parsed.Ssrc);
        Assert.True(RtpRewriter.TrySetMarker(packet, true));
        Assert.True(RtpPacket.TryParse(packet, out parsed));
        Assert.True(parsed.Marker);
        Assert.Equal(111, parsed.PayloadType);
    }

    [Fact]
    public void Short_buffers_and_bad_payload_types_are_refused()
    {
        var shortPacket = new byte[11];
        Assert.False(RtpRewriter.TrySetPayloadType(shortPacket, 1));
        Assert.False(RtpRewriter.TrySetMarker(shortPacket, true));
        Assert.False(RtpRewriter.TrySetSequenceNumber(shortPacket, 1));
        Assert.False(RtpRewriter.TrySetTimestamp(shortPacket, 1));
        Assert.False(RtpRewriter.TrySetSsrc(shortPacket, 1));
        Assert.False(RtpRewriter.TryRewrite(shortPacket, 1, 1, 1, 1));
        Assert.False(RtpRewriter.TrySetPayloadType(BuildPacket(), 128));
        Assert.Equal(new byte[11], shortPacket);
    }
}
