using Mcu.Stun.Ice;

namespace Mcu.Stun.Tests.Ice;

public class IceCredentialsTests
{
    [Fact]
    public void Generated_credentials_meet_rfc8839_and_differ()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var credentials = IceCredentials.Generate();
            Assert.Equal(IceCredentials.GeneratedUfragLength, credentials.Ufrag.Length);
            Assert.Equal(IceCredentials.GeneratedPasswordLength, credentials.Password.Length);
            Assert.True(IceCredentials.IsValidUfrag(credentials.Ufrag));
            Assert.True(IceCredentials.IsValidPassword(credentials.Password));
            Assert.True(seen.Add(credentials.Ufrag));
        }
    }

    [Theory]
    [InlineData("abc", false)] // too short
    [InlineData("abcd", true)]
    [InlineData("a+/9", true)]
    [InlineData("ab-d", false)] // '-' is not an ice-char
    [InlineData("ab:d", false)] // ':' would break USERNAME
    [InlineData("", false)]
    public void Ufrag_syntax(string ufrag, bool valid)
    {
        Assert.Equal(valid, IceCredentials.IsValidUfrag(ufrag));
        Assert.Equal(valid, IceCredentials.TryCreate(ufrag, "0123456789012345678901", out _));
    }

    [Fact]
    public void Password_needs_22_ice_chars()
    {
        Assert.False(IceCredentials.IsValidPassword(new string('x', 21)));
        Assert.True(IceCredentials.IsValidPassword(new string('x', 22)));
        Assert.True(IceCredentials.IsValidPassword(new string('x', 256)));
        Assert.False(IceCredentials.IsValidPassword(new string('x', 257)));
        Assert.False(IceCredentials.IsValidPassword("0123456789 0123456789ab"));
    }

    [Fact]
    public void Invalid_values_throw_from_the_constructor_and_fail_try_create()
    {
        Assert.Throws<ArgumentException>(() => new IceCredentials("ab", "0123456789012345678901"));
        Assert.Throws<ArgumentException>(() => new IceCredentials("abcd", "short"));
        Assert.False(IceCredentials.TryCreate(null, "0123456789012345678901", out _));
        Assert.True(IceCredentials.TryCreate("abcd", "0123456789012345678901", out var credentials));
        Assert.Equal("abcd", credentials.Ufrag);
    }
}
