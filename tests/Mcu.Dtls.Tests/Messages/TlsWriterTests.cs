using Mcu.Dtls.Messages;

namespace Mcu.Dtls.Tests.Messages;

public sealed class TlsWriterTests
{
    [Fact]
    public void Writes_integers_vectors_and_back_patched_lengths()
    {
        byte[] buffer = new byte[32];
        var writer = new TlsWriter(buffer);
        writer.WriteUInt8(1);
        writer.WriteUInt16(0x0203);
        writer.WriteUInt24(0x040506);
        writer.WriteVector8([7]);
        int outer = writer.BeginVector(3);
        writer.WriteUInt16Vector16([0x0809]);
        writer.EndVector(outer, 3);

        Assert.Equal([1, 2, 3, 4, 5, 6, 1, 7, 0, 0, 4, 0, 2, 8, 9], writer.Written.ToArray());
    }

    [Fact]
    public void Refuses_a_vector_longer_than_its_length_prefix()
    {
        byte[] buffer = new byte[300];

        Assert.Throws<OverflowException>(() =>
        {
            var writer = new TlsWriter(buffer);
            writer.WriteVector8(new byte[256]);
        });
    }
}
