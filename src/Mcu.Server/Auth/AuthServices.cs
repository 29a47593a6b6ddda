using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mcu.Server.Auth;

/// <summary>Registers the join authorizer and puts the API key check in the pipeline.</summary>
internal static class AuthServices
{
    public static IServiceCollection AddMcuAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JoinAuthorizer>();
        return services;
    }

    public static IApplicationBuilder UseMcuApiKey(this IApplicationBuilder app) => app.UseMiddleware<ApiKeyMiddleware>();
}
