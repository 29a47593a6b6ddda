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

    /// <summary>Starts Chromium and opens one blank page.</summary>
    /// <param name="videoFile">A y4m file the fake camera plays (see <see cref="FakeMedia"/>).</param>
    /// <param name="audioFile">A wav file the fake microphone plays.</param>
    /// <param name="grantMedia">
    /// False leaves out --use-fake-ui-for-media-stream, so that camera and microphone requests
    /// are refused as when a person clicks "Block" (getUserMedia fails with NotAllowedError).
    /// </param>
    public static async Task<ChromiumPeer> LaunchAsync(string? videoFile = null, string? audioFile = null, bool grantMedia = true)
    {
        var args = new List<string>
        {
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
        };
        if (grantMedia)
        {
            args.Add("--use-fake-ui-for-media-stream");
        }
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
