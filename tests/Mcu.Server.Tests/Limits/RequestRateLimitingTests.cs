using System.Net;
using Mcu.Server.Limits;
using Mcu.Server.Tests.Api;

namespace Mcu.Server.Tests.Limits;

public sealed class RequestRateLimitingTests
{
    [Fact]
    public async Task Requests_beyond_the_burst_are_429_with_retry_after_and_health_checks_are_not_limited()
    {
        await using var server = await TestServer.StartAsync("--Limits:RequestsPerSecondPerClient=1", "--Limits:RequestBurstPerClient=3");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await server.Http.GetAsync("/api/rooms");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
            else
            {
                response.Dispose();
            }
        }
        for (var i = 0; i < 10; i++)
        {
            using var health = await server.Http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(refused.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Contains("requests per second", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Zero_turns_rate_limiting_off()
    {
        await using var server = await TestServer.StartAsync("--Limits:RequestsPerSecondPerClient=0", "--Limits:RequestBurstPerClient=1");
        for (var i = 0; i < 20; i++)
        {
            using var response = await server.Http.GetAsync("/api/rooms");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Clients_are_told_apart_by_ipv4_address_or_ipv6_slash_64(string address, string key)
    {
        Assert.Equal(key, RequestRateLimiting.ClientKey(IPAddress.Parse(address)));
    }
}
