using Mcu.Stun.Ice;

namespace Mcu.Stun.Tests.Ice;

public class IceUsernameTests
{
    [Fact]
    public void Splits_at_the_first_colon()
    {
        Assert.True(IceUsername.TrySplit("srvA:brws"u8, out var receiver, out var sender));
        Assert.Equal("srvA"u8.ToArray(), receiver.ToArray());
        Assert.Equal("brws"u8.ToArray(), sender.ToArray());
    }

    [Theory]
    [InlineData("nocolon")]
    [InlineData(":brws")]
    [InlineData("srvA:")]
    [InlineData("")]
    public void Rejects_usernames_without_two_fragments(string username)
    {
        Assert.False(IceUsername.TrySplit(System.Text.Encoding.ASCII.GetBytes(username), out _, out _));
    }

    [Fact]
    public void Peeks_the_local_ufrag_of_a_request_as_bytes_and_chars()
    {
        var check = TestChecks.Request("srvA1234:brws", "serverPassword0123456789");

        Assert.True(IceUsername.TryPeekLocalUfrag(check, out ReadOnlySpan<byte> bytes));
        Assert.Equal("srvA1234"u8.ToArray(), bytes.ToArray());

        Span<char> chars = stackalloc char[16];
        Assert.True(IceUsername.TryPeekLocalUfrag(check, chars, out var length));
        Assert.Equal("srvA1234", chars[..length].ToString());
    }

    [Fact]
    public void Char_peek_fails_when_the_ufrag_does_not_fit_or_is_not_ice_chars()
    {
        Span<char> small = stackalloc char[4];
        Assert.False(IceUsername.TryPeekLocalUfrag(TestChecks.Request("srvA1234:brws", "serverPassword0123456789"), small, out var length));
        Assert.Equal(0, length);

        Span<char> chars = stackalloc char[16];
        Assert.False(IceUsername.TryPeekLocalUfrag(TestChecks.Request("sr\u00e9A:brws", "serverPassword0123456789"), chars, out _));
        Assert.False(IceUsername.TryPeekLocalUfrag(Rfc5769Vectors.SampleIPv4Response, chars, out _));
        Assert.False(IceUsername.TryPeekLocalUfrag([0x80, 0x60, 0, 1], chars, out _));
    }
}
