namespace Mcu.Rtp.Tests;

public class RtxPacketTests
{
    private static byte[] Original(bool withPadding)
    {
        var buffer = new byte[64];
        RtpPacketWriter.TryCreate(buffer, new RtpHeader(96, 4242, 90000, 0xAAAA0001, Marker: true), out var writer);
        writer.TryAddExtension(4, "v"u8);
        writer.TryWritePayload(new byte[] { 1, 2, 3, 4, 5 }, out var length);
        if (withPadding)
        {
            RtpPacketWriter.TryAppendPadding(buffer, length, 4, out length);
        }
        return buffer.AsSpan(0, length).ToArray();
    }

    [Fact]
    public void Wrap_prepends_the_osn_and_unwrap_restores_the_original()
    {
        var original = Original(withPadding: false);
        var rtx = new byte[64];
        Assert.True(RtxPacket.TryWrap(original, rtx, rtxPayloadType: 97, rtxSsrc: 0xBBBB0002, rtxSequenceNumber: 7, out var rtxLength));

        Assert.True(RtpPacket.TryParse(rtx.AsSpan(0, rtxLength), out var wrapped));
        Assert.Equal(97, wrapped.PayloadType);
        Assert.Equal(0xBBBB0002u, wrapped.Ssrc);
        Assert.Equal(7, wrapped.SequenceNumber);
        Assert.Equal(90000u, wrapped.Timestamp);
        Assert.True(wrapped.Marker);
        Assert.Equal(new byte[] { 0x10, 0x92, 1, 2, 3, 4, 5 }, wrapped.Payload.ToArray());
        Assert.True(wrapped.Extensions.TryFind(4, out _));

        var restored = new byte[64];
        Assert.True(RtxPacket.TryUnwrap(rtx.AsSpan(0, rtxLength), restored, originalPayloadType: 96, originalSsrc: 0xAAAA0001, out var restoredLength));
        Assert.Equal(original, restored.AsSpan(0, restoredLength).ToArray());
    }

    [Fact]
    public void Padding_of_the_original_is_dropped()
    {
        var padded = Original(withPadding: true);
        Assert.True(RtpPacket.TryParse(padded, out var parsed));
        Assert.Equal(padded.Length - 4 + 2, RtxPacket.GetWrappedSize(parsed));

        var rtx = new byte[64];
        Assert.True(RtxPacket.TryWrap(padded, rtx, 97, 2, 1, out var rtxLength));
        Assert.Equal(RtxPacket.GetWrappedSize(parsed), rtxLength);
        var restored = new byte[64];
        Assert.True(RtxPacket.TryUnwrap(rtx.AsSpan(0, rtxLength), restored, 96, 0xAAAA0001, out var restoredLength));
        Assert.Equal(Original(withPadding: false), restored.AsSpan(0, restoredLength).ToArray());
    }

    [Fact]
    public void Unwrapping_in_place_works()
    {
        var rtx = new byte[64];
        Assert.True(RtxPacket.TryWrap(Original(false), rtx, 97, 2, 1, out var rtxLength));
        Assert.True(RtxPacket.TryUnwrap(rtx.AsSpan(0, rtxLength), rtx, 96, 0xAAAA0001, out var length));
        Assert.Equal(Original(false), rtx.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void Rtx_without_an_osn_or_room_is_rejected()
    {
        var buffer = new byte[64];
        RtpPacketWriter.TryCreate(buffer, new RtpHeader(97, 1, 1, 1), out var writer);
        writer.TryWritePayload(new byte[] { 0x10 }, out var length);
        Assert.False(RtxPacket.TryUnwrap(buffer.AsSpan(0, length), new byte[64], 96, 1, out _));
        Assert.False(RtxPacket.TryUnwrap(new byte[] { 0x80, 0x60 }, new byte[64], 96, 1, out _));
        Assert.False(RtxPacket.TryWrap(Original(false), new byte[10], 97, 2, 1, out _));
        Assert.False(RtxPacket.TryWrap(Original(false), new byte[64], 128, 2, 1, out _));
    }
}
