using System.Net;
using System.Net.Http.Headers;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Whip;

namespace Mcu.Server.Tests.Auth;

/// <summary>Join tokens on WHIP and WHEP when Auth:JoinTokenSecret is set.</summary>
public sealed class JoinAuthorizerTests : IAsyncLifetime
{
    private const string Secret = "join-token-secret-for-tests";
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync($"--Auth:JoinTokenSecret={Secret}");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_join_without_a_token_is_401_with_a_bearer_challenge()
    {
        using var response = await Join("/whip/secured", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(_server.Rooms.Find("secured"));
    }

    [Fact]
    public async Task Expired_wrong_room_and_badly_signed_tokens_are_401()
    {
        var expired = JwtSigner.JoinToken(Secret, "secured", DateTimeOffset.UtcNow.AddMinutes(-5));
        var otherRoom = JwtSigner.JoinToken(Secret, "elsewhere", DateTimeOffset.UtcNow.AddMinutes(5));
        var otherKey = JwtSigner.JoinToken("not-the-secret", "secured", DateTimeOffset.UtcNow.AddMinutes(5));

        foreach (var (token, reason) in new[] { (expired, "expired"), (otherRoom, "elsewhere"), (otherKey, "signature") })
        {
            using var response = await Join("/whip/secured", token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_valid_token_joins_by_header_or_query_and_a_star_token_joins_any_room()
    {
        var token = JwtSigner.JoinToken(Secret, "secured", DateTimeOffset.UtcNow.AddMinutes(5));
        var any = JwtSigner.JoinToken(Secret, "*", DateTimeOffset.UtcNow.AddMinutes(5));

        using var byHeader = await Join("/whip/secured", token);
        using var byQuery = await _server.Http.PostAsync($"/whip/secured?token={token}", TestServer.Sdp(TestOffers.SendReceive()));
        using var viewer = await Join("/whep/other", any, TestOffers.ReceiveOnly());

        Assert.Equal(HttpStatusCode.Created, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Created, viewer.StatusCode);
    }

    [Fact]
    public async Task Whep_needs_a_token_too_and_the_control_api_stays_open_without_an_api_key()
    {
        using var viewer = await Join("/whep/secured", token: null, TestOffers.ReceiveOnly());
        using var rooms = await _server.Http.GetAsync("/api/rooms");

        Assert.Equal(HttpStatusCode.Unauthorized, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rooms.StatusCode);
    }

    private async Task<HttpResponseMessage> Join(string path, string? token, string? offer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = TestServer.Sdp(offer ?? TestOffers.SendReceive()) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _server.Http.SendAsync(request);
    }
}
