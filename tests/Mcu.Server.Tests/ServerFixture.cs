using Mcu.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Server.Tests;

/// <summary>The real server, in process, on free ports of 127.0.0.1, with the echo test endpoint and recordings in a temporary directory.</summary>
public sealed class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _recordings = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _app = McuServerApp.Create(
        [
            "--Urls=http://127.0.0.1:0",
            "--Media:Port=0",
            "--Media:BindAddresses:0=127.0.0.1",
            "--Media:BindAddresses:1=::1",
            "--Testing:EchoEndpoint=true",
            "--Logging:LogLevel:Default=Warning",
            $"--Recording:Directory={_recordings.Path}",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public void Dispose() => _recordings.Dispose();
}
