using Mcu.Recording;
using Mcu.Conference;
using Mcu.WebRtc;

namespace Mcu.Server.Metrics;

/// <summary>Registers the exporter and maps GET /metrics (Prometheus text format).</summary>
internal static class MetricsEndpoints
{
    public static IServiceCollection AddMcuMetrics(this IServiceCollection services) =>
        services.AddSingleton<ServerMetrics>().AddSingleton(provider =>
        {
            var own = provider.GetRequiredService<ServerMetrics>().Meter;
            // The conference's and sessions' meters are process-wide; of the server meters only
            // our own, so that servers sharing a process (tests) do not report each other's rooms.
            return new PrometheusExporter(meter => meter == own || meter.Name is ConferenceMetrics.MeterName or WebRtcMetrics.MeterName or RecordingMetrics.MeterName);
        });

    public static void MapMcuMetrics(this IEndpointRouteBuilder app)
    {
        // Created now, not at the first scrape, so that measurements from the start are counted.
        var exporter = app.ServiceProvider.GetRequiredService<PrometheusExporter>();
        app.MapGet("/metrics", () => Results.Text(exporter.Scrape(), PrometheusText.ContentType));
    }
}
