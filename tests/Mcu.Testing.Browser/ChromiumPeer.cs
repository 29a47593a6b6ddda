using Microsoft.Playwright;

namespace Mcu.Testing.Browser;

/// <summary>
/// One headless Chromium with a fake camera and microphone, started with the flags that work
/// on this kind of machine (shared/TESTING.md). Each participant with its own capture files
/// needs its own browser process.
/// </summary>
public sealed class ChromiumPeer : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumPeer(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Console lines the page printed, for failure messages.</summary>
    public List<string> Console { get; } = [];

    public static async Task<ChromiumPeer> LaunchAsync(string? videoFile = null, string? audioFile = null)
    {
        var args = new List<string>
        {
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
        };
        if (videoFile is not null)
        {
            args.Add("--use-file-for-fake-video-capture=" + videoFile);
        }
        if (audioFile is not null)
        {
            args.Add("--use-file-for-fake-audio-capture=" + audioFile);
        }
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = args,
                Timeout = 60_000,
            });
            var page = await browser.NewPageAsync();
            var peer = new ChromiumPeer(playwright, browser, page);
            page.Console += (_, message) =>
            {
                lock (peer.Console)
                {
                    peer.Console.Add(message.Text);
                }
            };
            return peer;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
