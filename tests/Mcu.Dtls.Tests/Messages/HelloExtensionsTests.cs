using Mcu.Dtls.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests.Messages;

public sealed class HelloExtensionsTests
{
    [Fact]
    public void Reads_use_srtp_with_its_MKI()
    {
        Assert.True(HelloExtensions.TryParse(Block(14, 0, 4, 0, 1, 0, 7, 2, 0xAB, 0xCD), out HelloExtensions extensions));

        Assert.True(extensions.HasUseSrtp);
        Assert.Equal(2, extensions.SrtpProfiles.Count);
        Assert.Equal([0xAB, 0xCD], extensions.SrtpMki.ToArray());
        Assert.False(extensions.HasSupportedGroups);
        Assert.False(extensions.ExtendedMasterSecret);
    }

    [Theory]
    [InlineData(new byte[] { 0, 3, 0, 1, 0, 0 })]
    [InlineData(new byte[] { 0, 2, 0, 1 })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 2, 0, 1, 0, 9 })]
    public void Rejects_malformed_use_srtp(byte[] data)
    {
        Assert.False(HelloExtensions.TryParse(Block(14, data), out _));
    }

    [Fact]
    public void Rejects_a_repeated_extension_and_malformed_known_ones()
    {
        Assert.False(HelloExtensions.TryParse([.. Block(23), .. Block(23)], out _));
        Assert.False(HelloExtensions.TryParse(Block(23, 0), out _));
        Assert.False(HelloExtensions.TryParse(Block(10, 0, 1, 0), out _));
        Assert.False(HelloExtensions.TryParse(Block(13, 0, 0), out _));
        Assert.False(HelloExtensions.TryParse(Block(11, 0), out _));
        Assert.False(HelloExtensions.TryParse(Block(0xFF01, 2, 0), out _));
        Assert.False(HelloExtensions.TryParse([0, 10, 0], out _));
    }

    [Fact]
    public void Skips_unknown_extensions_even_repeated_ones()
    {
        Assert.True(HelloExtensions.TryParse([.. Block(0x1234, 1, 2), .. Block(0x1234), .. Block(23)], out HelloExtensions extensions));
        Assert.True(extensions.ExtendedMasterSecret);
    }

    private static byte[] Block(ushort type, params byte[] data) => [.. HelloBuilder.U16(type), .. HelloBuilder.U16(data.Length), .. data];
}
