using System.Net.Http.Json;
using System.Text.Json;
using Mcu.Testing.Browser;

namespace Mcu.Server.Tests.Testing;

/// <summary>
/// Headless Chromium (libwebrtc) against our transport: it offers audio and video, our echo
/// endpoint answers and sends each stream back, and the page must decode its own media.
/// </summary>
[Collection(Mcu.Server.Tests.BrowserApp.BrowserTestGroup.Name)]
public sealed class ChromiumEchoTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Call = """
        async () => {
          const stream = await navigator.mediaDevices.getUserMedia({
            audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
            video: { width: 320, height: 240 } });
          const pc = new RTCPeerConnection();
          // Received audio is only played out, and its energy measured, when something plays it.
          pc.ontrack = e => {
            if (e.track.kind !== 'audio') return;
            const audio = new Audio();
            audio.srcObject = new MediaStream([e.track]);
            audio.play();
          };
          stream.getTracks().forEach(t => pc.addTrack(t, stream));
          await pc.setLocalDescription(await pc.createOffer());
          const response = await fetch('/test/echo', { method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription.sdp });
          if (response.status !== 201) throw new Error('offer refused: ' + response.status + ' ' + await response.text());
          const location = response.headers.get('Location');
          await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
          window.pc = pc;
          return location;
        }
        """;

    private const string ReadStats = """
        async () => {
          const report = await window.pc.getStats();
          const out = { framesDecoded: 0, audioEnergy: 0, connection: window.pc.connectionState };
          report.forEach(s => {
            if (s.type === 'inbound-rtp' && s.kind === 'video') out.framesDecoded += s.framesDecoded || 0;
            if (s.type === 'inbound-rtp' && s.kind === 'audio') { out.audioEnergy += s.totalAudioEnergy || 0; out.audio = JSON.stringify(s); }
          });
          return JSON.stringify(out);
        }
        """;

    [Fact]
    public async Task Chromium_decodes_its_own_audio_and_video_echoed_through_our_transport()
    {
        await using var chromium = await ChromiumPeer.LaunchAsync();
        await chromium.Page.GotoAsync(new Uri(server.BaseAddress, "/healthz").ToString());
        var location = await chromium.Page.EvaluateAsync<string>(Call);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        BrowserStats stats;
        while (true)
        {
            stats = JsonSerializer.Deserialize<BrowserStats>(await chromium.Page.EvaluateAsync<string>(ReadStats))!;
            if (stats.framesDecoded > 0 && stats.audioEnergy > 0)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"no echoed media decoded in 30 s: {stats}; server: {await server.Http.GetStringAsync(location)}; console: {string.Join(" | ", chromium.Console)}");
            await Task.Delay(250);
        }
        Assert.Equal("connected", stats.connection);

        var status = await server.Http.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("Connected", status.GetProperty("state").GetString());
        // Chromium offers both profiles; we prefer AES-GCM.
        Assert.Equal("AeadAes128Gcm", status.GetProperty("srtpProfile").GetString());
        Assert.True(status.GetProperty("videoPacketsEchoed").GetInt64() > 0);
        Assert.True(status.GetProperty("audioPacketsEchoed").GetInt64() > 0);
        Assert.Equal(0, status.GetProperty("droppedSrtp").GetInt64());
    }

    private sealed record BrowserStats(long framesDecoded, double audioEnergy, string connection, string? audio);
}
