using Mcu.Server.Tests.Api;
using Mcu.Testing;

namespace Mcu.Server.Tests.BrowserApp;

/// <summary>
/// The real server for browser tests, composing 640x360 at 15 fps: large enough to read every
/// tile's colour, small enough that three headless Chromiums and the server share two cores.
/// </summary>
public sealed class BrowserAppServer : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _recordings = new();
    private TestServer? _server;

    public Uri BaseAddress => Server.BaseAddress;

    public HttpClient Http => Server.Http;

    public IServiceProvider Services => Server.Services;

    private TestServer Server => _server ?? throw new InvalidOperationException("The server is stopped.");

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync("--Composite:Width=640", "--Composite:Height=360", "--Composite:VideoBitrateBps=800000",
            $"--Recording:Directory={_recordings.Path}");

    /// <summary>Stops the server now while pages stay open: "the server is unreachable".</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    public Task DisposeAsync() => StopAsync();

    public void Dispose() => _recordings.Dispose();
}
