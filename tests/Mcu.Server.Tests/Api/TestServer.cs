using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mcu.Conference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Server.Tests.Api;

/// <summary>
/// The real server in process on free ports of 127.0.0.1 with settings of the test's choosing
/// (later settings win). Rooms compose a small, cheap composite; rate limiting is generous
/// unless a test sets it.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public RoomRegistry Rooms => Services.GetRequiredService<RoomRegistry>();

    public static async Task<TestServer> StartAsync(params string[] settings)
    {
        string[] defaults =
        [
            "--Urls=http://127.0.0.1:0",
            "--Media:Port=0",
            "--Media:BindAddresses:0=127.0.0.1",
            "--Logging:LogLevel:Default=Warning",
            "--Composite:Width=320",
            "--Composite:Height=180",
            "--Composite:FrameRate=15",
            "--Composite:VideoBitrateBps=400000",
            "--Limits:RequestsPerSecondPerClient=1000",
            "--Limits:RequestBurstPerClient=1000",
        ];
        var app = McuServerApp.Create([.. defaults, .. settings]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, new Uri(address));
    }

    public static StringContent Sdp(string sdp) => Body(sdp, "application/sdp");

    public static StringContent Body(string text, string mediaType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>GET /api/rooms/{room} as JSON, or null when it is a 404.</summary>
    public async Task<JsonElement?> RoomStateAsync(string room)
    {
        using var response = await Http.GetAsync($"/api/rooms/{room}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One default <see cref="TestServer"/> shared by a test class.</summary>
public sealed class TestServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
