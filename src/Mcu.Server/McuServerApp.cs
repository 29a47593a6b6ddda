using Mcu.Conference;
using Mcu.Server.Media;
using Mcu.Server.Rooms;
using Mcu.Server.Testing;

namespace Mcu.Server;

/// <summary>Builds the MCU host; Program runs it, tests start it on free ports.</summary>
public static partial class McuServerApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<MediaOptions>(builder.Configuration.GetSection(MediaOptions.Section));
        builder.Services.AddSingleton<MediaHost>();
        builder.Services.AddMcuConference(builder.Configuration);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        // Bind the media port and load the layouts at start, so that a port conflict or a
        // missing layouts directory stops the server with a clear error.
        var media = app.Services.GetRequiredService<MediaHost>();
        app.Services.GetRequiredService<RoomRegistry>();
        LogStarted(app.Logger, media.Port.Port);

        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));
        if (app.Configuration.GetValue<bool>("Testing:EchoEndpoint"))
        {
            EchoEndpoints.Map(app);
        }
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MCU media on UDP port {Port}")]
    private static partial void LogStarted(ILogger logger, int port);
}
