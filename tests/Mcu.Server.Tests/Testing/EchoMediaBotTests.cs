using Mcu.Client;
using Mcu.Media.Video;
using Mcu.Testing.Media;

namespace Mcu.Server.Tests.Testing;

/// <summary>
/// The bot's whole media path through our transport: VP8 encode, packetize, SRTP, echo,
/// depacketize, decode; Opus the same way. What comes back must look and sound like what went.
/// </summary>
public sealed class EchoMediaBotTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_bot_sees_its_own_colour_and_hears_its_own_tone_through_the_echo()
    {
        var red = YuvColor.FromRgb(220, 30, 30);
        await using var bot = await WhipDialer.DialAsync(server.Http, new Uri(server.BaseAddress, "/test/echo"),
            new MediaBotOptions { SolidColor = red, ToneHertz = 660, Width = 320, Height = 240, FrameRate = 15 });

        await RecordingObserver.WaitFor(() => bot.VideoFramesDecoded >= 10 && bot.AudioFramesDecoded >= 50, TimeSpan.FromSeconds(20), "decoded echo media");

        Assert.Equal((320, 240), bot.ReceivedVideoSize);
        var seen = bot.SampleReceivedVideo(0.5, 0.5)!.Value;
        Assert.InRange(seen.Y, red.Y - 6, red.Y + 6);
        Assert.InRange(seen.U, red.U - 6, red.U + 6);
        Assert.InRange(seen.V, red.V - 6, red.V + 6);

        var pcm = new short[48_000];
        var count = bot.CopyReceivedAudio(pcm);
        Assert.True(count >= 24_000);
        var heard = pcm.AsSpan(count - 24_000, 24_000);
        Assert.True(ToneDetector.RelativeLevelDb(heard, 660) > -3, "the tone sent is the tone heard");
        Assert.True(ToneDetector.RelativeLevelDb(heard, 440) < -30, "and no other");
    }
}
