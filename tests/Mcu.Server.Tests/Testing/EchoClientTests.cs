using System.Net.Http.Json;
using System.Text;
using Mcu.Dtls;
using Mcu.Rtp;
using Mcu.Rtp.Rtcp;
using Mcu.Sdp;
using Mcu.Srtp;
using Mcu.Transport;
using Mcu.WebRtc;

namespace Mcu.Server.Tests.Testing;

/// <summary>Our client role against our server over real UDP on 127.0.0.1, through the echo endpoint.</summary>
public sealed class EchoClientTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(SrtpProfile.AeadAes128Gcm)]
    [InlineData(SrtpProfile.Aes128CmHmacSha1Tag80)]
    public async Task Rtp_and_rtcp_go_both_ways_through_ice_dtls_and_srtp(SrtpProfile profile)
    {
        var observer = new RecordingObserver();
        string? location = null;
        await using var client = await WebRtcClient.StartAsync(
            new WebRtcClientOptions
            {
                AudioTrack = new LocalTrack(0x1111, "bot", "s", "a"),
                VideoTrack = new LocalTrack(0x2222, "bot", "s", "v") { RtxSsrc = 0x2223 },
                Session = new PeerSessionOptions { Dtls = new DtlsOptions { SrtpProfiles = [profile] } },
            },
            async (offer, ct) =>
            {
                using var response = await server.Http.PostAsync("/test/echo", new StringContent(offer, Encoding.UTF8, "application/sdp"), ct);
                Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
                location = response.Headers.Location!.ToString();
                return await response.Content.ReadAsStringAsync(ct);
            },
            observer);
        await client.Connection.Connected.WaitAsync(Patience);
        Assert.Equal(profile, await client.Connection.InvokeAsync((s, _) => s.SrtpProfile));

        var audio = client.Negotiated.Media.Single(m => m.Kind == MediaKind.Audio);
        var video = client.Negotiated.Media.Single(m => m.Kind == MediaKind.Video);
        var sent = new List<byte[]>();
        for (ushort seq = 1; seq <= 20; seq++)
        {
            var isVideo = seq % 2 == 0;
            var media = isVideo ? video : audio;
            var packet = Rtp((byte)media.Codec!.PayloadType, seq, media.LocalTrack!.Ssrc, Encoding.ASCII.GetBytes($"payload {seq}"));
            sent.Add(packet);
            await client.Connection.InvokeAsync((session, _) =>
            {
                var buffer = new byte[1500];
                packet.CopyTo(buffer, 0);
                return session.SendRtp(buffer, packet.Length);
            });
        }
        await RecordingObserver.WaitFor(() => observer.Rtp.Count >= 20, Patience, "20 echoed packets");

        // The echo carries our payloads back on the server's SSRCs (one per kind) in order.
        var echoed = observer.Rtp.ToArray();
        var serverAudioSsrc = audio.RemoteSources.Single().Ssrc;
        var serverVideoSsrc = video.RemoteSources.Single().Ssrc;
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.True(RtpPacket.TryParse(echoed[i], out var back));
            Assert.True(RtpPacket.TryParse(sent[i], out var original));
            Assert.Equal(original.Payload.ToArray(), back.Payload.ToArray());
            Assert.Equal(original.SequenceNumber, back.SequenceNumber);
            Assert.Equal(original.PayloadType == audio.Codec!.PayloadType ? serverAudioSsrc : serverVideoSsrc, back.Ssrc);
        }

        // RTCP: a PLI about the echoed video comes back as a PLI for our own video.
        await client.Connection.InvokeAsync((session, _) =>
        {
            var buffer = new byte[64];
            Assert.True(PictureLossIndication.TryWrite(buffer, 0x2222, serverVideoSsrc, out var written));
            return session.SendRtcp(buffer, written);
        });
        await RecordingObserver.WaitFor(() => observer.RtcpKinds.Contains(RtcpPacketKind.PictureLossIndication), Patience, "the forwarded PLI");

        var status = await server.Http.GetFromJsonAsync<EchoStatus>(location);
        Assert.Equal("Connected", status!.State);
        Assert.Equal(profile.ToString(), status.SrtpProfile);
        Assert.Equal(10, status.AudioPacketsEchoed);
        Assert.Equal(10, status.VideoPacketsEchoed);
        Assert.Equal(1, status.KeyframeRequestsForwarded);
    }

    [Fact]
    public async Task A_client_on_ipv6_connects_and_gets_its_media_back()
    {
        var observer = new RecordingObserver();
        await using var client = await StartEchoClient(observer, new WebRtcClientOptions
        {
            BindAddress = System.Net.IPAddress.IPv6Loopback,
            AudioTrack = new LocalTrack(0x4444, "bot", "s", "a"),
        });
        await client.Connection.Connected.WaitAsync(Patience);
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, await client.Connection.InvokeAsync((s, _) => s.RemoteAddress!.Family));
        await SendAudio(client, 5);
        await RecordingObserver.WaitFor(() => observer.Rtp.Count == 5, Patience, "5 echoed packets over IPv6");
    }

    [Fact]
    public async Task A_flood_of_garbage_on_the_media_port_does_not_disturb_a_call()
    {
        var observer = new RecordingObserver();
        await using var client = await StartEchoClient(observer, new WebRtcClientOptions { AudioTrack = new LocalTrack(0x5555, "bot", "s", "a") });
        await client.Connection.Connected.WaitAsync(Patience);

        var mediaPort = ((Mcu.Server.Media.MediaHost)server.Services.GetService(typeof(Mcu.Server.Media.MediaHost))!).Port;
        using var attacker = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var target = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, mediaPort.Port);
        var random = new Random(5);
        var garbage = new byte[600];
        var flood = Task.Run(async () =>
        {
            for (var i = 0; i < 3000; i++)
            {
                random.NextBytes(garbage);
                garbage[0] = (byte)(i % 4 == 0 ? 0x00 : i % 4 == 1 ? 0x16 : i % 4 == 2 ? 0x80 : 0x81); // STUN, DTLS, RTP, RTCP look-alikes
                await attacker.SendAsync(garbage, target);
            }
        });
        await SendAudio(client, 50);
        await flood;
        await RecordingObserver.WaitFor(() => observer.Rtp.Count == 50, Patience, "all 50 echoed packets during the flood");
        Assert.True(await client.Connection.InvokeAsync((s, _) => s.State == PeerState.Connected));
        Assert.True(mediaPort.DroppedUnknownSource > 0, "the garbage was counted and dropped");
    }

    [Fact]
    public async Task Delete_hangs_up_and_the_client_sees_the_close()
    {
        string? location = null;
        await using var client = await WebRtcClient.StartAsync(
            new WebRtcClientOptions { AudioTrack = new LocalTrack(0x3333, "bot", "s", "a") },
            async (offer, ct) =>
            {
                using var response = await server.Http.PostAsync("/test/echo", new StringContent(offer, Encoding.UTF8, "application/sdp"), ct);
                location = response.Headers.Location!.ToString();
                return await response.Content.ReadAsStringAsync(ct);
            },
            new RecordingObserver());
        await client.Connection.Connected.WaitAsync(Patience);
        using var deleted = await server.Http.DeleteAsync(location);
        Assert.Equal(System.Net.HttpStatusCode.OK, deleted.StatusCode);
        await client.Connection.Ended.WaitAsync(Patience);
        Assert.Equal(PeerState.Closed, await client.Connection.InvokeAsync((s, _) => s.State));
        using var gone = await server.Http.GetAsync(location);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n")]
    [InlineData("this is not sdp at all")]
    public async Task An_unusable_offer_is_a_400_with_the_reason(string offer)
    {
        using var response = await server.Http.PostAsync("/test/echo", new StringContent(offer, Encoding.UTF8, "application/sdp"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"detail\"", body, StringComparison.Ordinal);
    }

    private Task<WebRtcClient> StartEchoClient(RecordingObserver observer, WebRtcClientOptions options) =>
        WebRtcClient.StartAsync(options, async (offer, ct) =>
        {
            using var response = await server.Http.PostAsync("/test/echo", new StringContent(offer, Encoding.UTF8, "application/sdp"), ct);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadAsStringAsync(ct);
        }, observer);

    private static async Task SendAudio(WebRtcClient client, int count)
    {
        var audio = client.Negotiated.Media.Single(m => m.Kind == MediaKind.Audio);
        for (ushort seq = 1; seq <= count; seq++)
        {
            var packet = Rtp((byte)audio.Codec!.PayloadType, seq, audio.LocalTrack!.Ssrc, [1, 2, 3, (byte)seq]);
            await client.Connection.InvokeAsync((session, _) =>
            {
                var buffer = new byte[1500];
                packet.CopyTo(buffer, 0);
                return session.SendRtp(buffer, packet.Length);
            });
        }
    }

    private static byte[] Rtp(byte payloadType, ushort seq, uint ssrc, byte[] payload)
    {
        var buffer = new byte[1500];
        Assert.True(RtpPacketWriter.TryCreate(buffer, new RtpHeader(payloadType, seq, seq * 960u, ssrc), out var writer));
        Assert.True(writer.TryWritePayload(payload, out var length));
        return buffer[..length];
    }

    private sealed record EchoStatus(
        string State, string SrtpProfile, string? CloseReason, long AudioPacketsEchoed, long VideoPacketsEchoed,
        long KeyframeRequestsForwarded, long RtpPacketsReceived, long DroppedSrtp);
}
