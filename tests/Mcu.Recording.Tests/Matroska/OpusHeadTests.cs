using Mcu.Recording.Matroska;

namespace Mcu.Recording.Tests.Matroska;

public sealed class OpusHeadTests
{
    [Fact]
    public void The_identification_header_follows_RFC_7845_section_5_1()
    {
        var head = new byte[OpusHead.Size];
        Assert.Equal(19, OpusHead.Write(head, channels: 1, preSkip: 312, inputSampleRate: 48_000));
        Assert.Equal(new byte[]
        {
            (byte)'O', (byte)'p', (byte)'u', (byte)'s', (byte)'H', (byte)'e', (byte)'a', (byte)'d',
            1,          // version
            1,          // channels
            0x38, 0x01, // pre-skip 312, little endian
            0x80, 0xBB, 0x00, 0x00, // input sample rate 48000
            0x00, 0x00, // output gain
            0,          // mapping family
        }, head);
    }
}
