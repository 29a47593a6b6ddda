using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mcu.Server.Turn;

/// <summary>Registers the ICE server list from the Turn and IceServers sections.</summary>
internal static class TurnServices
{
    public static IServiceCollection AddMcuTurn(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TurnOptions>(configuration.GetSection(TurnOptions.Section));
        services.Configure<List<IceServerOptions>>(configuration.GetSection(IceServerOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IceServerProvider>();
        return services;
    }
}
