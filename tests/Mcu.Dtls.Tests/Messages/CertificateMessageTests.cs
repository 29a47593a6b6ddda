using Mcu.Dtls.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Messages;

public sealed class CertificateMessageTests
{
    [Fact]
    public void Returns_the_end_entity_certificate_of_a_chain()
    {
        byte[] body = CertificateMessage.Create([1, 2, 3]);
        byte[] chain = [.. HelloBuilder.U24(10), .. HelloBuilder.U24(2), 4, 5, .. HelloBuilder.U24(2), 6, 7];

        Assert.Equal([0, 0, 6, 0, 0, 3, 1, 2, 3], body);
        Assert.True(CertificateMessage.TryParse(body, out ReadOnlySpan<byte> endEntity));
        Assert.Equal([1, 2, 3], endEntity.ToArray());
        Assert.True(CertificateMessage.TryParse(chain, out endEntity));
        Assert.Equal([4, 5], endEntity.ToArray());
    }

    [Fact]
    public void An_empty_list_parses_to_no_certificate()
    {
        Assert.True(CertificateMessage.TryParse([0, 0, 0], out ReadOnlySpan<byte> endEntity));
        Assert.True(endEntity.IsEmpty);
    }

    [Fact]
    public void Rejects_lying_lengths_empty_entries_and_overlong_chains()
    {
        byte[] nine = Enumerable.Repeat<byte[]>([0, 0, 1, 0xAA], 9).SelectMany(e => e).ToArray();

        Assert.False(CertificateMessage.TryParse([0, 0, 5, 0, 0, 3, 1, 2, 3], out _));
        Assert.False(CertificateMessage.TryParse([0, 0, 4, 0, 0, 9, 1], out _));
        Assert.False(CertificateMessage.TryParse([0, 0, 3, 0, 0, 0], out _));
        Assert.False(CertificateMessage.TryParse([.. HelloBuilder.U24(nine.Length), .. nine], out _));
        Assert.False(CertificateMessage.TryParse([0, 0, 0, 0], out _));
    }
}
