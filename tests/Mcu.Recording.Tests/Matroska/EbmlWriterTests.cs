using Mcu.Recording.Matroska;

namespace Mcu.Recording.Tests.Matroska;

public sealed class EbmlWriterTests
{
    [Theory]
    // RFC 8794 section 4.4: the number 2 as a VINT of one to four octets.
    [InlineData(1, new byte[] { 0x82 })]
    [InlineData(2, new byte[] { 0x40, 0x02 })]
    [InlineData(3, new byte[] { 0x20, 0x00, 0x02 })]
    [InlineData(4, new byte[] { 0x10, 0x00, 0x00, 0x02 })]
    public void A_size_is_a_vint_of_the_width_asked_for(int width, byte[] expected)
    {
        Span<byte> buffer = stackalloc byte[8];
        var w = new EbmlWriter(buffer);
        w.WriteSize(2, width);
        Assert.Equal(expected, w.Written.ToArray());
    }

    [Theory]
    [InlineData(0UL, new byte[] { 0x80 })]
    [InlineData(126UL, new byte[] { 0xFE })]
    // All VINT_DATA bits set means "unknown" (RFC 8794 section 6.2), so 127 needs two octets.
    [InlineData(127UL, new byte[] { 0x40, 0x7F })]
    [InlineData(16382UL, new byte[] { 0x7F, 0xFE })]
    [InlineData(16383UL, new byte[] { 0x20, 0x3F, 0xFF })]
    public void A_size_takes_the_shortest_width_that_is_not_reserved(ulong size, byte[] expected)
    {
        Span<byte> buffer = stackalloc byte[8];
        var w = new EbmlWriter(buffer);
        w.WriteSize(size);
        Assert.Equal(expected, w.Written.ToArray());
    }

    [Fact]
    public void The_unknown_size_is_eight_octets_of_all_ones_data()
    {
        Span<byte> buffer = stackalloc byte[8];
        var w = new EbmlWriter(buffer);
        w.WriteUnknownSize();
        Assert.Equal(new byte[] { 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, w.Written.ToArray());
    }

    [Fact]
    public void Ids_keep_their_marker_bits_and_length()
    {
        Span<byte> buffer = stackalloc byte[16];
        var w = new EbmlWriter(buffer);
        w.WriteId(MatroskaIds.Ebml);
        w.WriteId(MatroskaIds.TimestampScale);
        w.WriteId(MatroskaIds.EbmlVersion);
        w.WriteId(MatroskaIds.SimpleBlock);
        Assert.Equal(new byte[] { 0x1A, 0x45, 0xDF, 0xA3, 0x2A, 0xD7, 0xB1, 0x42, 0x86, 0xA3 }, w.Written.ToArray());
    }

    [Fact]
    public void Unsigned_integers_use_as_few_octets_as_their_value_needs()
    {
        Span<byte> buffer = stackalloc byte[32];
        var w = new EbmlWriter(buffer);
        w.WriteUnsigned(MatroskaIds.EbmlVersion, 1);
        w.WriteUnsigned(MatroskaIds.TimestampScale, 1_000_000);
        w.WriteUnsigned(MatroskaIds.CueTime, 0);
        Assert.Equal(new byte[]
        {
            0x42, 0x86, 0x81, 0x01,
            0x2A, 0xD7, 0xB1, 0x83, 0x0F, 0x42, 0x40,
            0xB3, 0x81, 0x00,
        }, w.Written.ToArray());
    }

    [Fact]
    public void Floats_and_dates_are_eight_big_endian_octets()
    {
        Span<byte> buffer = stackalloc byte[32];
        var w = new EbmlWriter(buffer);
        w.WriteFloat(MatroskaIds.Duration, 1.5);
        w.WriteDate(MatroskaIds.DateUtc, new DateTimeOffset(2001, 1, 1, 0, 0, 1, TimeSpan.Zero));
        Assert.Equal(new byte[]
        {
            0x44, 0x89, 0x88, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0,
            // RFC 8794 section 7.6: nanoseconds since 2001-01-01T00:00:00 UTC; one second later is 10^9.
            0x44, 0x61, 0x88, 0, 0, 0, 0, 0x3B, 0x9A, 0xCA, 0x00,
        }, w.Written.ToArray());
    }

    [Fact]
    public void A_master_element_gets_the_size_of_what_was_written_inside_it()
    {
        Span<byte> buffer = stackalloc byte[32];
        var w = new EbmlWriter(buffer);
        var children = w.BeginMaster(MatroskaIds.Video, 2);
        w.WriteUnsigned(MatroskaIds.PixelWidth, 640);
        w.EndMaster(children, 2);
        Assert.Equal(new byte[] { 0xE0, 0x40, 0x04, 0xB0, 0x82, 0x02, 0x80 }, w.Written.ToArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(11)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(300)]
    public void A_void_fills_exactly_the_length_reserved(int length)
    {
        var buffer = new byte[length];
        var w = new EbmlWriter(buffer);
        w.WriteVoid(length);
        Assert.Equal(length, w.Position);
        var element = Assert.Single(Support.EbmlWalker.Children(buffer, 0, length));
        Assert.Equal(MatroskaIds.Void, element.Id);
        Assert.Equal(length, element.DataOffset + element.Size);
    }
}
