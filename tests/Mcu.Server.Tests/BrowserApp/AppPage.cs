using System.Text.Json;
using Mcu.Testing.Browser;
using Microsoft.Playwright;

namespace Mcu.Server.Tests.BrowserApp;

/// <summary>The browser app in one headless Chromium, driven as a person would, plus readings of what it shows and plays.</summary>
internal sealed class AppPage : IAsyncDisposable
{
    // Draws the composite <video> into a canvas and averages a 5x5 patch around each point.
    private const string SampleComposite = """
        points => {
          const video = document.getElementById('composite');
          if (!video || !video.videoWidth || video.readyState < 2) return null;
          const canvas = document.createElement('canvas');
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          const context = canvas.getContext('2d', { willReadFrequently: true });
          context.drawImage(video, 0, 0);
          return points.map(([fx, fy]) => {
            const x = Math.min(canvas.width - 5, Math.max(0, Math.round(fx * canvas.width) - 2));
            const y = Math.min(canvas.height - 5, Math.max(0, Math.round(fy * canvas.height) - 2));
            const data = context.getImageData(x, y, 5, 5).data;
            const sum = [0, 0, 0];
            for (let i = 0; i < data.length; i += 4) { sum[0] += data[i]; sum[1] += data[i + 1]; sum[2] += data[i + 2]; }
            return sum.map(v => Math.round(v / 25));
          });
        }
        """;

    // Captures what the page plays (the mix) through Web Audio: ~0.68 s of 48 kHz samples.
    private const string CaptureAudio = """
        async () => {
          const video = document.getElementById('composite');
          const context = new AudioContext({ sampleRate: 48000 });
          const source = context.createMediaStreamSource(video.srcObject);
          const analyser = context.createAnalyser();
          analyser.fftSize = 32768;
          source.connect(analyser);
          await new Promise(resolve => setTimeout(resolve, 1000));
          const samples = new Float32Array(analyser.fftSize);
          analyser.getFloatTimeDomainData(samples);
          await context.close();
          return Array.from(samples, v => Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
        }
        """;

    private AppPage(ChromiumPeer chromium, Uri baseAddress)
    {
        Chromium = chromium;
        BaseAddress = baseAddress;
    }

    public ChromiumPeer Chromium { get; }

    public IPage Page => Chromium.Page;

    public Uri BaseAddress { get; }

    /// <summary>Starts a Chromium on the app's room link, /?room=NAME.</summary>
    public static async Task<AppPage> OpenAsync(Uri baseAddress, string room, string? videoFile = null, string? audioFile = null, bool grantMedia = true)
    {
        var chromium = await ChromiumPeer.LaunchAsync(videoFile, audioFile, grantMedia);
        try
        {
            var page = new AppPage(chromium, baseAddress);
            await page.GotoAsync(room);
            return page;
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the room link, with a join token as invitation links carry one.</summary>
    public async Task GotoAsync(string room, string? token = null)
    {
        var query = "/?room=" + Uri.EscapeDataString(room) + (token is null ? string.Empty : "&token=" + Uri.EscapeDataString(token));
        await Page.GotoAsync(new Uri(BaseAddress, query).ToString());
    }

    /// <summary>The join flow: the room comes from the URL; fill the name, tick options, click Join.</summary>
    public async Task ClickJoinAsync(string name, bool originalSound = true, bool watchOnly = false)
    {
        await Page.FillAsync("#name-input", name);
        if (originalSound)
        {
            await Page.CheckAsync("#original-sound");
        }
        if (watchOnly)
        {
            await Page.CheckAsync("#viewer-check");
        }
        await Page.ClickAsync("#join-button");
    }

    /// <summary>Joins and waits until the call view shows.</summary>
    public async Task JoinAsync(string name)
    {
        await ClickJoinAsync(name);
        await WaitVisibleAsync("#call-view", "the call view did not open after Join");
    }

    public async Task WaitVisibleAsync(string selector, string failure, float timeoutMs = 20_000)
    {
        try
        {
            await Page.WaitForSelectorAsync(selector, new() { State = WaitForSelectorState.Visible, Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{failure}; notice: '{await NoticeAsync()}'; console: {string.Join(" | ", Chromium.Console)}");
        }
    }

    /// <summary>The text of the page's message banner, or null when none shows.</summary>
    public async Task<string?> NoticeAsync() =>
        await Page.IsVisibleAsync("#notice") ? await Page.TextContentAsync("#notice-text") : null;

    /// <summary>The average RGB around each point (fractions of the picture), or null before the first picture.</summary>
    public async Task<int[][]?> SampleCompositeAsync(IReadOnlyList<(double X, double Y)> points)
    {
        var arguments = points.Select(p => new[] { p.X, p.Y }).ToArray();
        var json = await Page.EvaluateAsync<JsonElement?>(SampleComposite, arguments);
        if (json is not { ValueKind: JsonValueKind.Array } samples)
        {
            return null;
        }
        return samples.EnumerateArray().Select(s => s.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
    }

    /// <summary>About 0.68 s of what the page plays, as 16-bit PCM at 48 kHz.</summary>
    public async Task<short[]> CaptureAudioAsync()
    {
        var samples = await Page.EvaluateAsync<int[]>(CaptureAudio);
        return Array.ConvertAll(samples, v => (short)v);
    }

    /// <summary>The participant list as (name, muted, speaking).</summary>
    public async Task<IReadOnlyList<(string Name, bool Muted, bool Speaking)>> ParticipantsAsync()
    {
        var rows = await Page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('#participants li')].map(li => ({
              name: li.querySelector('.participant-name').textContent,
              muted: li.dataset.muted === 'true',
              speaking: li.dataset.speaking === 'true' }))
            """);
        return rows.EnumerateArray()
            .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("muted").GetBoolean(), r.GetProperty("speaking").GetBoolean()))
            .ToList();
    }

    public ValueTask DisposeAsync() => Chromium.DisposeAsync();
}
