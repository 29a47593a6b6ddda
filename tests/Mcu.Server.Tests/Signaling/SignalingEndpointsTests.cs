using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Auth;
using Mcu.Server.Tests.Whip;

namespace Mcu.Server.Tests.Signaling;

public sealed class SignalingEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Secret = "signalling-test-secret-0123456789";

    [Fact]
    public async Task A_plain_http_request_to_the_socket_endpoint_is_told_to_upgrade()
    {
        using var response = await server.Http.GetAsync(new Uri("/ws", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("websocket", response.Headers.Upgrade.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("WebSocket", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_over_its_request_rate_gets_429_for_its_messages()
    {
        await using var limited = await TestServer.StartAsync("--Limits:RequestsPerSecondPerClient=1", "--Limits:RequestBurstPerClient=3");
        await using var socket = await SignalingTestClient.ConnectAsync(limited.BaseAddress);

        for (var i = 0; i < 4; i++)
        {
            await socket.SendAsync(new { type = "leave" });
        }
        var replies = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add((await socket.ReceiveAsync("error")).GetProperty("status").GetInt32());
        }

        Assert.Equal([409, 409, 409, 429], replies); // a burst of 3, then the rate applies
    }

    [Fact]
    public async Task Shutting_the_server_down_closes_sockets_as_going_away_and_frees_the_members()
    {
        var stopping = await TestServer.StartAsync();
        await using var socket = await SignalingTestClient.ConnectAsync(stopping.BaseAddress);
        await socket.SendAsync(new { type = "join", room = "closing", name = "Alice", offer = TestOffers.SendReceive() });
        await socket.ReceiveAsync("joined");
        var room = stopping.Rooms.Find("closing")!;

        await stopping.DisposeAsync();

        Assert.True(await socket.WaitForCloseAsync(), "the socket stayed open");
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.True(room.IsEmpty);
    }

    [Fact]
    public async Task With_join_tokens_required_a_socket_without_one_is_refused_before_the_upgrade()
    {
        await using var secured = await TestServer.StartAsync("--Auth:JoinTokenSecret=" + Secret);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new UriBuilder(secured.BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_join_token_admits_to_its_room_only_and_not_after_it_expires()
    {
        await using var secured = await TestServer.StartAsync("--Auth:JoinTokenSecret=" + Secret);
        var token = JwtSigner.JoinToken(Secret, "board", DateTimeOffset.UtcNow.AddMinutes(5));
        var expired = JwtSigner.JoinToken(Secret, "board", DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var socket = await SignalingTestClient.ConnectAsync(secured.BaseAddress, "token=" + token);
        await using var late = await SignalingTestClient.ConnectAsync(secured.BaseAddress, "token=" + expired);

        await socket.SendAsync(new { type = "join", room = "lobby", name = "Mallory", offer = TestOffers.SendReceive() });
        var refused = await socket.ReceiveAsync("error");
        await late.SendAsync(new { type = "join", room = "board", name = "Late", offer = TestOffers.SendReceive() });
        var tooLate = await late.ReceiveAsync("error");
        await socket.SendAsync(new { type = "join", room = "board", name = "Alice", offer = TestOffers.SendReceive() });

        Assert.Equal(401, refused.GetProperty("status").GetInt32());
        Assert.Contains("'board'", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(401, tooLate.GetProperty("status").GetInt32());
        await socket.ReceiveAsync("joined");
        Assert.Null(secured.Rooms.Find("lobby"));
    }
}
