using Mcu.Conference;
using Mcu.Media.Native;
using Mcu.Server.Api;
using Mcu.Server.Auth;
using Mcu.Server.BrowserApp;
using Mcu.Server.Limits;
using Mcu.Server.Media;
using Mcu.Server.Recording;
using Mcu.Server.Metrics;
using Mcu.Server.Rooms;
using Mcu.Server.Signaling;
using Mcu.Server.Testing;
using Mcu.Server.Turn;
using Mcu.Server.Whip;

namespace Mcu.Server;

/// <summary>Builds the MCU host; Program runs it, tests start it on free ports.</summary>
public static partial class McuServerApp
{
    public static WebApplication Create(string[] args)
    {
        // Codecs come and go with participants: large C blocks mapped on their own, few heaps
        // (see NativeHeap), before the rooms allocate anything.
        var heapTuned = NativeHeap.Configure();
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<MediaOptions>(builder.Configuration.GetSection(MediaOptions.Section));
        builder.Services.AddSingleton<MediaHost>();
        builder.Services.AddMcuConference(builder.Configuration);
        builder.Services.AddMcuRecording(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddMcuAuth(builder.Configuration);
        builder.Services.AddMcuLimits(builder.Configuration);
        builder.Services.AddMcuTurn(builder.Configuration);
        builder.Services.AddMcuWhip();
        builder.Services.AddMcuMetrics();

        var app = builder.Build();
        // Bind the media port and load the layouts at start, so that a port conflict or a
        // missing layouts directory stops the server with a clear error.
        var media = app.Services.GetRequiredService<MediaHost>();
        app.Services.GetRequiredService<RoomRegistry>();
        app.Services.GetRequiredService<NativeHeapTrimmer>();
        if (!heapTuned)
        {
            LogHeapNotTuned(app.Logger);
        }
        var recordings = app.Services.GetRequiredService<RoomRecordings>();
        var recordingDirectory = Path.GetFullPath(recordings.Manager.Options.Directory);
        LogStarted(app.Logger, media.Port.Port, recordingDirectory);

        // The app's own files come before the rate limit: one page load is a dozen small
        // requests, and people behind one NAT share an address.
        app.UseBrowserApp();
        app.UseMcuLimits();
        app.UseMcuApiKey();
        app.UseWebSockets();
        app.MapSignaling();
        app.MapMcuWhip();
        app.MapMcuApi();
        app.MapMcuMetrics();
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));
        if (app.Configuration.GetValue<bool>("Testing:EchoEndpoint"))
        {
            EchoEndpoints.Map(app);
        }
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The C library is not glibc: its heap is not tuned, and resident memory may grow as participants come and go")]
    private static partial void LogHeapNotTuned(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "MCU media on UDP port {Port}; recordings go to {RecordingDirectory}")]
    private static partial void LogStarted(ILogger logger, int port, string recordingDirectory);
}
