using Mcu.Client;
using Mcu.Server.Tests.Api;
using Mcu.Server.Tests.Testing;

namespace Mcu.Server.Tests.Metrics;

/// <summary>GET /metrics after a bot has been in a room: every family present, the values plausible.</summary>
public sealed class MetricsEndpointsTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task Metrics_expose_the_rooms_members_traffic_and_media_work()
    {
        var empty = PrometheusExporterTests.Samples(await _server.Http.GetStringAsync("/metrics"));
        await using (var bot = await WhipDialer.DialAsync(_server.Http, new Uri(_server.BaseAddress, "/whip/metered"),
            new MediaBotOptions { Width = 320, Height = 240, FrameRate = 15 }))
        {
            await using var viewer = await WhepDialer.ViewAsync(_server.Http, new Uri(_server.BaseAddress, "/whep/metered"));
            await RecordingObserver.WaitFor(() => bot.VideoFramesDecoded >= 10 && viewer.VideoFramesDecoded >= 10 && bot.AudioPacketsSent >= 75,
                TimeSpan.FromSeconds(20), "a second and a half of media both ways");

            using var response = await _server.Http.GetAsync("/metrics");
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var text = await response.Content.ReadAsStringAsync();
            var samples = PrometheusExporterTests.Samples(text);

            Assert.Equal(0, empty["mcu_participants"]);
            Assert.True(samples["mcu_rooms"] >= 1);
            Assert.Equal(1, samples["mcu_participants"]);
            Assert.Equal(1, samples["mcu_viewers"]);
            Assert.Equal(0, samples["mcu_publishers"]);
            Assert.True(samples["mcu_media_packets_received_total"] > 50, "the bot's media arrived");
            Assert.True(samples["mcu_media_received_bytes_total"] > samples["mcu_media_packets_received_total"] * 20);
            Assert.True(samples["mcu_media_packets_sent_total"] > 50, "the composite and the mix went out");
            Assert.True(samples["mcu_media_sent_bytes_total"] > samples["mcu_media_packets_sent_total"] * 20);
            Assert.True(samples["mcu_composite_frames_total"] >= 10);
            Assert.True(samples["mcu_composite_keyframes_total"] >= 1);
            Assert.True(samples["mcu_compose_duration_milliseconds_count"] >= 10);
            Assert.True(samples["mcu_encode_duration_milliseconds_count"] >= 10);
            Assert.True(samples["mcu_encode_duration_milliseconds_sum"] > 0);
            Assert.Equal(samples["mcu_compose_duration_milliseconds_count"], samples["mcu_compose_duration_milliseconds_bucket{le=\"+Inf\"}"]);
            foreach (var family in new[]
            {
                "mcu_rtp_lost_total", "mcu_nack_received_total", "mcu_nack_sent_total", "mcu_keyframe_requests_total",
                "mcu_keyframe_requests_sent_total", "mcu_composite_dropped_total", "mcu_decode_dropped_total", "mcu_dtls_failures_total",
                "mcu_packets_malformed_total", "mcu_media_dropped_total", "mcu_audio_ticks_missed_total",
            })
            {
                Assert.Contains($"# TYPE {family} counter\n", text, StringComparison.Ordinal);
            }
            Assert.True(samples.ContainsKey("mcu_packets_malformed_total{reason=\"unclassified\"}"));
            Assert.True(samples.ContainsKey("mcu_media_dropped_total{reason=\"unknown_source\"}"));
        }
    }

    [Fact]
    public async Task Metrics_and_health_answer_in_plain_text()
    {
        Assert.Equal("ok\n", await _server.Http.GetStringAsync("/healthz"));
        Assert.StartsWith("# HELP ", await _server.Http.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }
}
