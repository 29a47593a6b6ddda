using Mcu.Server.Turn;
using Mcu.Server.Whip;

namespace Mcu.Server.Tests.Whip;

public sealed class IceServerLinksTests
{
    [Fact]
    public void A_turn_server_carries_its_credentials_as_rfc_9725_link_attributes()
    {
        var link = IceServerLinks.Format("turn:turn.example.net?transport=udp", new IceServer(["turn:turn.example.net?transport=udp"], "user", "myPassword"));
        Assert.Equal("<turn:turn.example.net?transport=udp>; rel=\"ice-server\"; username=\"user\"; credential=\"myPassword\"; credential-type=\"password\"", link);
    }

    [Fact]
    public void A_stun_server_has_no_credentials()
    {
        Assert.Equal("<stun:stun.example.net>; rel=\"ice-server\"", IceServerLinks.Format("stun:stun.example.net", new IceServer(["stun:stun.example.net"])));
    }

    [Fact]
    public void Quotes_and_backslashes_in_credentials_are_escaped_as_quoted_strings()
    {
        var link = IceServerLinks.Format("turn:t", new IceServer(["turn:t"], "a\"b", "c\\d"));
        Assert.Contains("username=\"a\\\"b\"", link, StringComparison.Ordinal);
        Assert.Contains("credential=\"c\\\\d\"", link, StringComparison.Ordinal);
    }
}
