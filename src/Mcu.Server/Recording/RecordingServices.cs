using Mcu.Recording;

namespace Mcu.Server.Recording;

/// <summary>Registers the recording manager from the "Recording" section and ties it to the rooms.</summary>
internal static class RecordingServices
{
    public static IServiceCollection AddMcuRecording(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider =>
        {
            var options = new RecordingOptions();
            configuration.GetSection(RecordingOptions.Section).Bind(options);
            return new RecordingManager(options, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Mcu.Recording"));
        });
        services.AddSingleton<RoomRecordings>();
        return services;
    }
}
