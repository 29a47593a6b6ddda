namespace Mcu.Rtp.Tests;

public class TransportSequenceNumberExtensionTests
{
    [Fact]
    public void Sequence_number_round_trips_big_endian()
    {
        var buffer = new byte[2];
        Assert.True(TransportSequenceNumberExtension.TryWrite(buffer, 0xBEEF));
        Assert.Equal(new byte[] { 0xBE, 0xEF }, buffer);
        Assert.True(TransportSequenceNumberExtension.TryRead(buffer, out var value));
        Assert.Equal(0xBEEF, value);
        Assert.False(TransportSequenceNumberExtension.TryRead(buffer.AsSpan(0, 1), out _));
    }
}
