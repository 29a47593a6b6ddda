using Mcu.Bot;
using Mcu.Server.Tests.Api;
using SkiaSharp;

namespace Mcu.Server.Tests.Whip;

/// <summary>The mcu-bot sample's entry logic, run in process against a live server.</summary>
public sealed class BotSampleTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task The_bot_dials_whip_and_a_whep_bot_saves_the_composite_as_png()
    {
        var png = Path.Combine(Path.GetTempPath(), $"mcu-bot-{Guid.NewGuid():N}.png");
        var server = _server.BaseAddress.ToString();
        try
        {
            var publisher = BotRunner.RunAsync(
                [server, "sample", "--name", "Sampler", "--color", "blue", "--size", "320x240", "--fps", "15", "--seconds", "5"],
                TextWriter.Null, TextWriter.Null, CancellationToken.None);
            await Testing.RecordingObserver.WaitFor(() => _server.Rooms.Find("sample")?.Members.Count == 1, TimeSpan.FromSeconds(10), "the bot to join");
            var output = new StringWriter();
            var errors = new StringWriter();

            var viewed = await BotRunner.RunAsync([server, "sample", "--whep", "--seconds", "2", "--save", png], output, errors, CancellationToken.None);

            Assert.True(viewed == 0, $"exit {viewed}: {errors}");
            Assert.Contains("saved the last composite (320x180)", output.ToString(), StringComparison.Ordinal);
            using (var image = SKBitmap.Decode(png))
            {
                Assert.Equal((320, 180), (image.Width, image.Height));
                var centre = image.GetPixel(160, 90);
                Assert.True(centre.Blue > 150 && centre.Red < 90, $"the composite shows the blue bot, saw {centre}");
            }
            Assert.Equal("Sampler", _server.Rooms.Find("sample")!.Members.Single().Name);
            Assert.Equal(0, await publisher);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("http://127.0.0.1:1 room --bogus")]
    [InlineData("http://127.0.0.1:1 room --seconds")]
    [InlineData("http://127.0.0.1:1 room --whep --publish-only")]
    [InlineData("not-a-url room")]
    public async Task A_bad_command_line_prints_the_usage_and_exits_2(string commandLine)
    {
        var errors = new StringWriter();
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, await BotRunner.RunAsync(args, TextWriter.Null, errors, CancellationToken.None));
        Assert.Contains("usage: mcu-bot", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_join_exits_1_with_the_servers_reason()
    {
        var errors = new StringWriter();
        var exit = await BotRunner.RunAsync([_server.BaseAddress.ToString(), "bad name!", "--seconds", "1"], TextWriter.Null, errors, CancellationToken.None);
        Assert.Equal(1, exit);
        Assert.Contains("400", errors.ToString(), StringComparison.Ordinal);
    }
}
