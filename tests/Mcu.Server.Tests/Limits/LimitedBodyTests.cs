using System.Text;
using Mcu.Server.Limits;
using Microsoft.AspNetCore.Http;

namespace Mcu.Server.Tests.Limits;

public sealed class LimitedBodyTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1000, true)]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    [InlineData(100_000, false)]
    public async Task A_body_is_read_up_to_the_limit_with_or_without_a_content_length(int size, bool fits)
    {
        foreach (var declared in new[] { true, false })
        {
            var request = Request(new string('x', size), declared);
            var text = await LimitedBody.ReadTextAsync(request, 1024, CancellationToken.None);
            Assert.Equal(fits, text is not null);
            if (fits)
            {
                Assert.Equal(size, text!.Length);
            }
        }
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading()
    {
        var request = Request("short", declared: false);
        request.ContentLength = 5000;
        Assert.Null(await LimitedBody.ReadTextAsync(request, 1024, CancellationToken.None));
        Assert.Equal(0, request.Body.Position);
    }

    private static HttpRequest Request(string body, bool declared)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = declared ? bytes.Length : null;
        return context.Request;
    }
}
