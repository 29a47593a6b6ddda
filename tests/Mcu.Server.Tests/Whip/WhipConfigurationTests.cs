using System.Net;
using System.Text.RegularExpressions;
using Mcu.Server.Tests.Api;

namespace Mcu.Server.Tests.Whip;

/// <summary>WHIP under configuration: fixed rooms only, ICE servers in Link headers.</summary>
public sealed partial class WhipConfigurationTests
{
    [Fact]
    public async Task Without_create_on_join_an_unknown_room_is_404_and_a_configured_one_joins()
    {
        await using var server = await TestServer.StartAsync("--Rooms:CreateOnJoin=false", "--Rooms:Names:0=lobby");

        using var unknown = await server.Http.PostAsync("/whip/elsewhere", TestServer.Sdp(TestOffers.SendReceive()));
        using var known = await server.Http.PostAsync("/whip/lobby", TestServer.Sdp(TestOffers.SendReceive()));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("does not create rooms", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
    }

    [Fact]
    public async Task Ice_servers_are_link_headers_on_the_answer_and_on_options_with_fresh_turn_credentials()
    {
        await using var server = await TestServer.StartAsync(
            "--IceServers:0:Urls:0=stun:stun.example.org:3478",
            "--Turn:Uris:0=turn:127.0.0.1:3478?transport=udp",
            "--Turn:Uris:1=turn:127.0.0.1:3478?transport=tcp",
            "--Turn:SharedSecret=north");

        using var created = await server.Http.PostAsync("/whip/links", TestServer.Sdp(TestOffers.SendReceive()));
        using var options = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/whip/links"));

        foreach (var response in new[] { created, options })
        {
            var links = response.Headers.GetValues("Link").ToList();
            Assert.Equal(3, links.Count);
            Assert.Equal("<stun:stun.example.org:3478>; rel=\"ice-server\"", links[0]);
            var turn = TurnLink().Match(links[1]);
            Assert.True(turn.Success, links[1]);
            Assert.Equal("turn:127.0.0.1:3478?transport=udp", turn.Groups["url"].Value);
            var expiry = DateTimeOffset.FromUnixTimeSeconds(long.Parse(turn.Groups["expiry"].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(expiry - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
            Assert.StartsWith("<turn:127.0.0.1:3478?transport=tcp>", links[2], StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Contains("application/sdp", options.Headers.GetValues("Accept-Post"));
    }

    [GeneratedRegex("^<(?<url>[^>]+)>; rel=\"ice-server\"; username=\"(?<expiry>[0-9]+):links\"; credential=\"[A-Za-z0-9+/=]{28}\"; credential-type=\"password\"$")]
    private static partial Regex TurnLink();
}
