using Mcu.Rtp.Streams;

namespace Mcu.Rtp.Tests.Streams;

public class SequenceMappingTests
{
    [Fact]
    public void Receiver_numbers_are_source_numbers_plus_the_offsets_modulo_their_width()
    {
        var mapping = new SequenceMapping(SequenceOffset: 65000, TimestampOffset: 0xFFFF_0000);

        Assert.Equal(64999, mapping.ToReceiver(65535));
        Assert.Equal(65535, mapping.ToSource(64999));
        Assert.Equal(0x0000_FFFFu, mapping.ToReceiverTimestamp(0x0001_FFFF));
        for (var s = 0; s <= ushort.MaxValue; s += 97)
        {
            Assert.Equal((ushort)s, mapping.ToSource(mapping.ToReceiver((ushort)s)));
        }
    }
}
