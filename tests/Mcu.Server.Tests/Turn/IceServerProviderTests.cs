using Mcu.Server.Turn;
using Microsoft.Extensions.Options;

namespace Mcu.Server.Tests.Turn;

public sealed class IceServerProviderTests
{
    [Fact]
    public void Nothing_configured_gives_no_servers()
    {
        var provider = Provider(new TurnOptions(), [], new ManualTime());
        Assert.True(provider.IsEmpty);
        Assert.Empty(provider.GetServers("x"));
    }

    [Fact]
    public void Fixed_servers_come_first_and_turn_gets_credentials_minted_now_for_the_configured_lifetime()
    {
        var turn = new TurnOptions { SharedSecret = "north", CredentialLifetime = TimeSpan.FromMinutes(10) };
        turn.Uris.Add("turn:turn.example.org:3478?transport=udp");
        var stun = new IceServerOptions();
        stun.Urls.Add("stun:stun.example.org");
        var time = new ManualTime { Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 - 600) };
        var provider = Provider(turn, [stun], time);

        var servers = provider.GetServers("alice");

        Assert.Equal(2, servers.Count);
        Assert.Equal(["stun:stun.example.org"], servers[0].Urls);
        Assert.Null(servers[0].Username);
        Assert.Equal("1700000000:alice", servers[1].Username);
        Assert.Equal("Cd/49soE35ICqcJF/bCTn8Z4OyE=", servers[1].Credential);

        time.Now += TimeSpan.FromMinutes(1);
        Assert.Equal("1700000060:alice", provider.GetServers("alice")[1].Username);
    }

    [Fact]
    public void Turn_without_a_secret_and_fixed_credentials_are_passed_through()
    {
        var turn = new TurnOptions();
        turn.Uris.Add("turn:a");
        var fixedTurn = new IceServerOptions { Username = "u", Credential = "p" };
        fixedTurn.Urls.Add("turn:b");
        var servers = Provider(turn, [fixedTurn], new ManualTime()).GetServers("x");

        Assert.Equal(new IceServer(["turn:b"], "u", "p").Urls, servers[0].Urls);
        Assert.Equal(("u", "p"), (servers[0].Username, servers[0].Credential));
        Assert.Null(servers[1].Username);
    }

    [Fact]
    public void An_ice_server_without_urls_is_a_configuration_error()
    {
        Assert.Throws<InvalidOperationException>(() => Provider(new TurnOptions(), [new IceServerOptions()], new ManualTime()));
    }

    private static IceServerProvider Provider(TurnOptions turn, List<IceServerOptions> servers, TimeProvider time) =>
        new(Options.Create(turn), Options.Create(servers), time);

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
