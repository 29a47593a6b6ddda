namespace Mcu.Rtp.Tests;

public class RtpHeaderExtensionsTests
{
    [Fact]
    public void One_byte_elements_are_enumerated_in_order_skipping_padding()
    {
        var data = Bytes.FromHex("00 10 aa 00 00 22 01 02 03 00");
        var extensions = new RtpHeaderExtensions(RtpHeaderExtensions.OneByteProfile, data);

        var ids = new List<int>();
        var values = new List<byte[]>();
        foreach (var element in extensions)
        {
            ids.Add(element.Id);
            values.Add(element.Value.ToArray());
        }
        Assert.Equal(new[] { 1, 2 }, ids);
        Assert.Equal(new byte[] { 0xAA }, values[0]);
        Assert.Equal(new byte[] { 1, 2, 3 }, values[1]);
    }

    [Fact]
    public void One_byte_id_15_stops_processing_of_the_whole_block()
    {
        // RFC 8285 4.2: only elements before the id-15 element count.
        var extensions = new RtpHeaderExtensions(RtpHeaderExtensions.OneByteProfile, Bytes.FromHex("10 aa f0 20 bb 00 00"));
        Assert.True(extensions.TryFind(1, out _));
        Assert.False(extensions.TryFind(2, out _));
    }

    [Fact]
    public void Two_byte_elements_allow_large_ids_and_empty_values()
    {
        var data = Bytes.FromHex("00 ff 02 01 02 07 00 00");
        var extensions = new RtpHeaderExtensions(RtpHeaderExtensions.TwoByteProfile | 0x5, data);

        Assert.True(extensions.IsTwoByte);
        Assert.True(extensions.TryFind(255, out var large));
        Assert.Equal(new byte[] { 1, 2 }, large.ToArray());
        Assert.True(extensions.TryFind(7, out var empty));
        Assert.True(empty.IsEmpty);
    }

    [Fact]
    public void An_element_running_past_the_block_ends_enumeration()
    {
        var oneByte = new RtpHeaderExtensions(RtpHeaderExtensions.OneByteProfile, Bytes.FromHex("10 aa 23 01 02"));
        Assert.True(oneByte.TryFind(1, out _));
        Assert.False(oneByte.TryFind(2, out _));

        var twoByte = new RtpHeaderExtensions(RtpHeaderExtensions.TwoByteProfile, Bytes.FromHex("05 04 01 02"));
        Assert.False(twoByte.TryFind(5, out _));

        var cutHeader = new RtpHeaderExtensions(RtpHeaderExtensions.TwoByteProfile, Bytes.FromHex("05"));
        Assert.False(cutHeader.TryFind(5, out _));
    }

    [Fact]
    public void Other_profiles_yield_no_elements()
    {
        var extensions = new RtpHeaderExtensions(0x1234, Bytes.FromHex("10 aa 00 00"));
        Assert.False(extensions.IsOneByte);
        Assert.False(extensions.IsTwoByte);
        Assert.False(extensions.TryFind(1, out _));
    }
}
