using Mcu.Server.Media;
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
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        // The media port binds at start, so a port conflict stops the server with a clear error.
        var media = app.Services.GetRequiredService<MediaHost>();
        var status = new FoundationStatus(media.Port.Port);
        LogStatus(app.Logger, status.Summary);

        app.MapGet("/", () => Results.Text(status.Summary + "\n", "text/plain; charset=utf-8"));
        app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));
        if (app.Configuration.GetValue<bool>("Testing:EchoEndpoint"))
        {
            EchoEndpoints.Map(app);
        }
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Status}")]
    private static partial void LogStatus(ILogger logger, string status);
}
