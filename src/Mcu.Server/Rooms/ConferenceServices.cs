using Mcu.Compositor.Layouts;
using Mcu.Conference;
using Mcu.Server.Media;

namespace Mcu.Server.Rooms;

/// <summary>Registers the layout catalog, the room registry from configuration, and the C heap trimmer.</summary>
internal static class ConferenceServices
{
    public static IServiceCollection AddMcuConference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new LayoutCatalog(LayoutDirectory.Resolve(configuration["Layouts:Directory"])));
        services.AddSingleton(provider =>
        {
            var options = new RoomRegistryOptions();
            configuration.GetSection(RoomRegistryOptions.Section).Bind(options);
            var composite = new RoomOptions();
            configuration.GetSection("Composite").Bind(composite);
            options.Room = composite;
            return new RoomRegistry(options, provider.GetRequiredService<MediaHost>(), provider.GetRequiredService<LayoutCatalog>(),
                provider.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton<NativeHeapTrimmer>();
        return services;
    }
}
