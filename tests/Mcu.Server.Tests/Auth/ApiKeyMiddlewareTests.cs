using System.Net;
using System.Net.Http.Headers;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Whip;

namespace Mcu.Server.Tests.Auth;

/// <summary>The control API behind Auth:ApiKey.</summary>
public sealed class ApiKeyMiddlewareTests : IAsyncLifetime
{
    private const string Key = "api-key-for-tests";
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync($"--Auth:ApiKey={Key}");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(null, null)]
    [InlineData("Bearer", "wrong-key")]
    [InlineData("Bearer", "api-key-for-tests-and-more")]
    [InlineData("Basic", Key)]
    public async Task Without_the_key_the_api_is_401(string? scheme, string? value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rooms");
        if (scheme is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, value);
        }
        using var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("API key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_key_as_bearer_or_x_api_key_the_api_answers()
    {
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/rooms");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/rooms");
        header.Headers.Add("X-Api-Key", Key);

        using var first = await _server.Http.SendAsync(bearer);
        using var second = await _server.Http.SendAsync(header);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task The_browser_config_health_and_whip_need_no_api_key()
    {
        using var config = await _server.Http.GetAsync("/api/config");
        using var health = await _server.Http.GetAsync("/healthz");
        using var whip = await _server.Http.PostAsync("/whip/open", TestServer.Sdp(TestOffers.SendReceive()));

        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Created, whip.StatusCode);
    }

    [Fact]
    public async Task Reading_layouts_and_previews_is_open_but_changing_a_rooms_layout_needs_the_key()
    {
        using var layouts = await _server.Http.GetAsync("/api/layouts");
        using var preview = await _server.Http.GetAsync("/api/layouts/single/preview.png");
        using var change = await _server.Http.PutAsync("/api/rooms/open/layout", new StringContent("{\"layout\":\"single\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, layouts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, change.StatusCode);
    }

    [Fact]
    public async Task Unknown_api_paths_are_also_behind_the_key()
    {
        using var response = await _server.Http.GetAsync("/api/not-there");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
