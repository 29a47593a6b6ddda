using Mcu.Rtp.Opus;

namespace Mcu.Rtp.Tests.Opus;

public class OpusPayloadTests
{
    private static byte[] Packet(string headerHex, int dataBytes)
    {
        var header = Bytes.FromHex(headerHex);
        var packet = new byte[header.Length + dataBytes];
        header.CopyTo(packet, 0);
        return packet;
    }

    [Theory]
    [InlineData("78", 100, 1, 960)]                 // code 0
    [InlineData("78", 0, 1, 960)]                   // code 0, empty frame (DTX)
    [InlineData("79", 100, 2, 1920)]                // code 1: two equal frames
    [InlineData("7a 03", 5, 2, 1920)]               // code 2: 3 + 2 bytes
    [InlineData("7a fc 01", 260, 2, 1920)]          // code 2: two-byte length 252 + 4 = 256
    [InlineData("7b 03", 6, 3, 2880)]               // code 3 CBR, three frames of 2 bytes
    [InlineData("7b 43 02", 8, 3, 2880)]            // code 3 CBR with 2 bytes of padding
    [InlineData("7b 43 ff 00", 260, 3, 2880)]       // code 3 CBR, 254 bytes of padding via the 255 continuation
    [InlineData("7b 83 02 01", 6, 3, 2880)]         // code 3 VBR: 2, 1, and 3 bytes
    [InlineData("83 30", 0, 48, 5760)]              // code 3: 48 CELT 2.5 ms frames = 120 ms
    public void Well_formed_packets_report_frames_and_duration(string headerHex, int dataBytes, int frames, int samples)
    {
        Assert.True(OpusPayload.TryValidate(Packet(headerHex, dataBytes), out var info));
        Assert.Equal(frames, info.FrameCount);
        Assert.Equal(samples, info.Samples);
        Assert.Equal(TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / 48000), info.Duration);
    }

    [Theory]
    [InlineData("", 0)]                  // R1: empty
    [InlineData("78", 1276)]             // R2: frame over 1275 bytes
    [InlineData("79", 5)]                // R3: code 1 with an odd byte count
    [InlineData("7a 0a", 5)]             // R4: first frame longer than the packet
    [InlineData("7a", 0)]                // R4: no length byte
    [InlineData("7a fc", 0)]             // R4: two-byte length cut short
    [InlineData("7a 00", 1276)]          // R4: second frame over 1275 bytes
    [InlineData("7b", 0)]                // R5: no frame count byte
    [InlineData("7b 00", 0)]             // R5: zero frames
    [InlineData("7b 07", 14)]            // R5: 7 x 20 ms = 140 ms
    [InlineData("7b 03", 7)]             // R6: CBR data not divisible by the count
    [InlineData("7b 43 09", 8)]          // R6: padding larger than the packet
    [InlineData("7b 43", 0)]             // padding length byte missing
    [InlineData("7b 43 ff", 0)]          // padding continuation missing
    [InlineData("7b 83 05 05", 6)]       // R7: VBR lengths exceed the packet
    [InlineData("7b 83 02", 0)]          // R7: VBR length bytes missing
    public void Malformed_packets_are_rejected(string headerHex, int dataBytes)
    {
        Assert.False(OpusPayload.TryValidate(Packet(headerHex, dataBytes), out _));
    }
}
