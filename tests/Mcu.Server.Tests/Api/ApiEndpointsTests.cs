using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mcu.Server.Tests.Api;

public sealed class ApiEndpointsTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task Config_without_ice_servers_configured_has_an_empty_list()
    {
        var config = await _server.Http.GetFromJsonAsync<JsonElement>("/api/config");
        Assert.Equal(0, config.GetProperty("iceServers").GetArrayLength());
    }

    [Fact]
    public async Task Config_hands_out_fresh_turn_credentials_on_every_call()
    {
        await using var server = await TestServer.StartAsync(
            "--Turn:Uris:0=turn:turn.example.org:3478?transport=udp", "--Turn:SharedSecret=north", "--Turn:CredentialLifetime=00:10:00",
            "--IceServers:0:Urls:0=stun:stun.example.org");

        var config = await server.Http.GetFromJsonAsync<JsonElement>("/api/config");

        var servers = config.GetProperty("iceServers");
        Assert.Equal(2, servers.GetArrayLength());
        Assert.Equal("stun:stun.example.org", servers[0].GetProperty("urls")[0].GetString());
        Assert.False(servers[0].TryGetProperty("username", out _));
        var turn = servers[1];
        Assert.Equal("turn:turn.example.org:3478?transport=udp", turn.GetProperty("urls")[0].GetString());
        var expiry = long.Parse(turn.GetProperty("username").GetString()!.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiry - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 590, 610);
        Assert.Equal(28, turn.GetProperty("credential").GetString()!.Length);
    }

    [Fact]
    public async Task Unmatched_paths_and_methods_are_problem_details()
    {
        using var missing = await _server.Http.GetAsync("/api/nothing-here");
        using var method = await _server.Http.PatchAsync("/api/rooms", null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Contains("GET /api/nothing-here", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("application/problem+json", method.Content.Headers.ContentType!.MediaType);
    }
}
