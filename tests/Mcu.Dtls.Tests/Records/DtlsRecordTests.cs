using Mcu.Dtls.Records;

namespace Mcu.Dtls.Tests.Records;

public sealed class DtlsRecordTests
{
    [Fact]
    public void Reads_back_what_it_writes()
    {
        byte[] datagram = new byte[DtlsRecord.HeaderLength + 3 + 4];
        DtlsRecord.WriteHeader(datagram, ContentType.Handshake, 1, 0x0000_1234_5678_9ABC, 3);
        datagram[13] = 7;

        Assert.True(DtlsRecord.TryRead(datagram, out DtlsRecord record, out int length));

        Assert.Equal(DtlsRecord.HeaderLength + 3, length);
        Assert.Equal(ContentType.Handshake, record.Type);
        Assert.Equal(DtlsRecord.Dtls12, record.Version);
        Assert.Equal(1, record.Epoch);
        Assert.Equal(0x0000_1234_5678_9ABCUL, record.SequenceNumber);
        Assert.Equal([7, 0, 0], record.Fragment.ToArray());
        Assert.Equal(datagram.AsSpan(0, length).ToArray(), record.Raw.ToArray());
    }

    [Fact]
    public void Accepts_the_DTLS_1_0_version_of_a_first_ClientHello()
    {
        byte[] datagram = [22, 0xFE, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.True(DtlsRecord.TryRead(datagram, out DtlsRecord record, out _));
        Assert.Equal(DtlsRecord.Dtls10, record.Version);
    }

    [Theory]
    [InlineData(new byte[] { 22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 22, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 22, 0xFE, 0xFC, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1 })]
    [InlineData(new byte[] { 22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1 })]
    public void Rejects_short_headers_foreign_versions_and_lengths_past_the_datagram(byte[] datagram)
    {
        Assert.False(DtlsRecord.TryRead(datagram, out _, out int length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void Rejects_a_length_above_the_protocol_limit_even_if_the_bytes_are_there()
    {
        byte[] datagram = new byte[DtlsRecord.HeaderLength + DtlsRecord.MaxFragmentLength + 1];
        DtlsRecord.WriteHeader(datagram, ContentType.ApplicationData, 0, 0, DtlsRecord.MaxFragmentLength + 1);

        Assert.False(DtlsRecord.TryRead(datagram, out _, out _));
    }

    [Fact]
    public void Random_bytes_never_throw_or_read_past_the_input()
    {
        var random = new Random(11);
        byte[] buffer = new byte[64];
        for (int i = 0; i < 5000; i++)
        {
            int length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            if (i % 2 == 0 && length >= 3)
            {
                buffer[1] = 0xFE;
                buffer[2] = 0xFD;
            }

            if (DtlsRecord.TryRead(buffer.AsSpan(0, length), out DtlsRecord record, out int consumed))
            {
                Assert.InRange(consumed, DtlsRecord.HeaderLength, length);
                Assert.Equal(consumed - DtlsRecord.HeaderLength, record.Fragment.Length);
            }
        }
    }
}
