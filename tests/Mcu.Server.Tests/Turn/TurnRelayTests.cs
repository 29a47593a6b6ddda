using System.Text.Json;
using Mcu.Server.Tests.Api;
using Mcu.Testing.Browser;

namespace Mcu.Server.Tests.Turn;

/// <summary>
/// Headless Chromium restricted to relay candidates joins through a real coturn with the
/// credentials /api/config minted, so its media reaches the MCU only through the relay.
/// </summary>
[Collection(Mcu.Server.Tests.BrowserApp.BrowserTestGroup.Name)]
public sealed class TurnRelayTests
{
    private const string Secret = "coturn-shared-secret-for-tests";

    private const string JoinThroughRelay = """
        async () => {
          const config = await (await fetch('/api/config')).json();
          const pc = new RTCPeerConnection({ iceServers: config.iceServers, iceTransportPolicy: 'relay' });
          const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
          stream.getTracks().forEach(t => pc.addTrack(t, stream));
          await pc.setLocalDescription(await pc.createOffer());
          await new Promise(resolve => {
            if (pc.iceGatheringState === 'complete') { resolve(); return; }
            pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
          });
          const response = await fetch('/whip/relayed?name=Relayed', { method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription.sdp });
          if (response.status !== 201) throw new Error('offer refused: ' + response.status + ' ' + await response.text());
          await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
          window.pc = pc;
          return JSON.stringify({ iceServers: config.iceServers, offer: pc.localDescription.sdp });
        }
        """;

    private const string ReadStats = """
        async () => {
          const report = await window.pc.getStats();
          const out = { framesDecoded: 0, connection: window.pc.connectionState, localType: null };
          let pair = null;
          report.forEach(s => {
            if (s.type === 'inbound-rtp' && s.kind === 'video') out.framesDecoded += s.framesDecoded || 0;
            if (s.type === 'transport' && s.selectedCandidatePairId) pair = report.get(s.selectedCandidatePairId);
          });
          if (pair) out.localType = report.get(pair.localCandidateId).candidateType;
          return JSON.stringify(out);
        }
        """;

    [Fact]
    public async Task A_relay_only_browser_connects_through_coturn_and_decodes_the_composite()
    {
        await using var coturn = await Coturn.StartAsync(Secret);
        await using var server = await TestServer.StartAsync(
            $"--Turn:Uris:0=turn:127.0.0.1:{coturn.Port}?transport=udp",
            $"--Turn:SharedSecret={Secret}");
        await using var chromium = await ChromiumPeer.LaunchAsync(FakeMedia.SolidColorVideo("green"), FakeMedia.ToneAudio(440));
        await chromium.Page.GotoAsync(new Uri(server.BaseAddress, "/healthz").ToString());

        var joined = JsonDocument.Parse(await chromium.Page.EvaluateAsync<string>(JoinThroughRelay)).RootElement;

        var server0 = joined.GetProperty("iceServers")[0];
        Assert.StartsWith("turn:127.0.0.1:", server0.GetProperty("urls")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(':', server0.GetProperty("username").GetString()!);
        var candidates = joined.GetProperty("offer").GetString()!.Split("\r\n").Where(l => l.StartsWith("a=candidate:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Contains(" typ relay", c, StringComparison.Ordinal));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        Stats stats;
        while (true)
        {
            stats = JsonSerializer.Deserialize<Stats>(await chromium.Page.EvaluateAsync<string>(ReadStats))!;
            if (stats.framesDecoded > 0)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"no composite decoded through the relay: {stats}; coturn: {string.Join(" | ", coturn.Log.TakeLast(20))}; console: {string.Join(" | ", chromium.Console)}");
            await Task.Delay(250);
        }
        Assert.Equal("connected", stats.connection);
        Assert.Equal("relay", stats.localType);

        var room = server.Rooms.Find("relayed")!;
        var member = Assert.Single(room.Members);
        var remote = await room.GetRemoteEndPointAsync(member.Id);
        Assert.NotNull(remote);
        Assert.Equal("127.0.0.1", remote.Address.ToString());
        Assert.InRange(remote.Port, coturn.MinRelayPort, coturn.MaxRelayPort);
    }

    private sealed record Stats(long framesDecoded, string connection, string? localType);
}
