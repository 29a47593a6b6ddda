using System.Net;
using System.Threading.RateLimiting;
using Mcu.Server.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Mcu.Server.Limits;

/// <summary>
/// Per-client request rate limiting with ASP.NET Core's limiter: a token bucket per remote
/// address (Limits:RequestsPerSecondPerClient sustained, Limits:RequestBurstPerClient at once);
/// a refusal is a 429 problem with Retry-After. Only /api, /whip, /whep and /ws are limited.
/// </summary>
internal static class RequestRateLimiting
{
    private const string ExemptPartition = "";

    public static IServiceCollection AddMcuLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LimitsOptions.Section);
        services.Configure<LimitsOptions>(section);
        var limits = new LimitsOptions();
        section.Bind(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxSdpBytes, 1024, "Limits:MaxSdpBytes");
        ArgumentOutOfRangeException.ThrowIfNegative(limits.RequestsPerSecondPerClient, "Limits:RequestsPerSecondPerClient");
        if (limits.RequestsPerSecondPerClient == 0)
        {
            return services;
        }
        var burst = Math.Max(limits.RequestBurstPerClient, 1);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsExempt(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter(ExemptPartition)
                    : RateLimitPartition.GetTokenBucketLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        // Whole seconds keep the rate exact: the partitioned limiter replenishes on a 100 ms timer.
                        TokensPerPeriod = limits.RequestsPerSecondPerClient,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(HttpProblems.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This client may make {limits.RequestsPerSecondPerClient} requests per second (bursts of {burst}); retry in {seconds} s.")
                    .ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    /// <summary>Adds the limiter to the pipeline when rate limiting is on.</summary>
    public static IApplicationBuilder UseMcuLimits(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitsOptions>>().Value;
        return limits.RequestsPerSecondPerClient > 0 ? app.UseRateLimiter() : app;
    }

    /// <summary>An IPv4 address, or the /64 of an IPv6 one (one subscriber's usual allocation, RFC 6177).</summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    // Signalling and the API do work per request (offers, rooms, previews); static files of the
    // browser app, health checks and metrics scrapes are cheap and not limited.
    private static bool IsExempt(PathString path) =>
        !(path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/whip", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/whep", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/ws", StringComparison.OrdinalIgnoreCase));
}
