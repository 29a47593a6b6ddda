using Mcu.Bot;
using Mcu.Server.Tests.Api;
using Mcu.Testing.Media;
using SkiaSharp;

namespace Mcu.Server.Tests.Whip;

/// <summary>The mcu-bot sample's entry logic, run in process against a live server.</summary>
public sealed class BotSampleTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Theory]
    [InlineData(false)] // a solid colour, encoded live
    [InlineData(true)]  // a recorded clip of that colour (an IVF file), looped
    public async Task The_bot_dials_whip_and_a_whep_bot_saves_the_composite_as_png(bool clip)
    {
        var png = Path.Combine(Path.GetTempPath(), $"mcu-bot-{Guid.NewGuid():N}.png");
        var ivf = Path.ChangeExtension(png, ".ivf");
        var server = _server.BaseAddress.ToString();
        var room = clip ? "sample-clip" : "sample";
        try
        {
            string[] video = ["--color", "blue", "--size", "320x240"];
            if (clip)
            {
                File.WriteAllBytes(ivf, Ffmpeg.Vp8Ivf("color=c=0x1e3cdc:size=320x240:rate=15", frames: 30, keyframeInterval: 30));
                video = ["--ivf", ivf];
            }
            var publisher = BotRunner.RunAsync(
                [server, room, "--name", "Sampler", .. video, "--fps", "15", "--seconds", "5"],
                TextWriter.Null, TextWriter.Null, CancellationToken.None);
            await Testing.RecordingObserver.WaitFor(() => _server.Rooms.Find(room)?.Members.Count == 1, TimeSpan.FromSeconds(10), "the bot to join");
            var output = new StringWriter();
            var errors = new StringWriter();

            var viewed = await BotRunner.RunAsync([server, room, "--whep", "--seconds", "2", "--save", png], output, errors, CancellationToken.None);

            Assert.True(viewed == 0, $"exit {viewed}: {errors}");
            Assert.Contains("saved the last composite (320x180)", output.ToString(), StringComparison.Ordinal);
            using (var image = SKBitmap.Decode(png))
            {
                Assert.Equal((320, 180), (image.Width, image.Height));
                var centre = image.GetPixel(160, 90);
                Assert.True(centre.Blue > 150 && centre.Red < 90, $"the composite shows the blue bot, saw {centre}");
            }
            Assert.Equal("Sampler", _server.Rooms.Find(room)!.Members.Single().Name);
            Assert.Equal(0, await publisher);
        }
        finally
        {
            File.Delete(png);
            File.Delete(ivf);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("http://127.0.0.1:1 room --bogus")]
    [InlineData("http://127.0.0.1:1 room --seconds")]
    [InlineData("http://127.0.0.1:1 room --whep --publish-only")]
    [InlineData("http://127.0.0.1:1 room --ivf /nonexistent/clip.ivf")]
    [InlineData("http://127.0.0.1:1 room --ivf /etc/hostname")]
    [InlineData("not-a-url room")]
    public async Task A_bad_command_line_prints_the_usage_and_exits_2(string commandLine)
    {
        var errors = new StringWriter();
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, await BotRunner.RunAsync(args, TextWriter.Null, errors, CancellationToken.None));
        Assert.Contains("usage: mcu-bot", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--color", "red")]
    [InlineData("--size", "320x240")]
    [InlineData("--preencoded", "30")]
    public async Task A_clip_with_options_it_would_ignore_is_refused(string option, string value)
    {
        var ivf = Path.Combine(Path.GetTempPath(), $"mcu-bot-{Guid.NewGuid():N}.ivf");
        File.WriteAllBytes(ivf, Ffmpeg.Vp8Ivf("color=c=red:size=64x48:rate=15", frames: 2, keyframeInterval: 2));
        try
        {
            var errors = new StringWriter();
            var exit = await BotRunner.RunAsync(["http://127.0.0.1:1", "room", "--ivf", ivf, option, value], TextWriter.Null, errors, CancellationToken.None);

            Assert.Equal(2, exit);
            Assert.Contains("--ivf sends the clip as it is", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(ivf);
        }
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
