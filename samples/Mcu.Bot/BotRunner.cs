using System.Globalization;
using System.Net.Http.Headers;
using Mcu.Client;

namespace Mcu.Bot;

/// <summary>The bot's whole run: parse, dial, report once a second, hang up, optionally save the last picture.</summary>
internal static class BotRunner
{
    /// <summary>Exit codes: 0 done, 1 could not connect or save, 2 bad command line.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        BotArguments arguments;
        try
        {
            arguments = BotArguments.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException or UriFormatException
            or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"mcu-bot: {e.Message}").ConfigureAwait(false);
            await error.WriteLineAsync(BotArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (arguments.Token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", arguments.Token);
        }
        MediaBot bot;
        try
        {
            bot = await WhipDialer.DialAsync(http, arguments.Endpoint, arguments.Options, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            await error.WriteLineAsync($"mcu-bot: could not connect: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        BgraPicture? last;
        await using (bot.ConfigureAwait(false))
        {
            var profile = await bot.Connection.InvokeAsync((session, _) => session.SrtpProfile).ConfigureAwait(false);
            await output.WriteLineAsync($"connected to {arguments.Endpoint} ({profile})").ConfigureAwait(false);
            var started = DateTime.UtcNow;
            while (!stop.IsCancellationRequested && (arguments.Duration == Timeout.InfiniteTimeSpan || DateTime.UtcNow - started < arguments.Duration))
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                var (width, height) = bot.ReceivedVideoSize;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{(DateTime.UtcNow - started).TotalSeconds,5:0}s  sent {bot.VideoFramesSent} video frames, {bot.AudioPacketsSent} audio packets;" +
                    $" received {bot.VideoFramesDecoded} frames ({width}x{height}), {bot.AudioFramesDecoded} audio frames")).ConfigureAwait(false);
            }
            last = arguments.SavePath is null ? null : bot.CopyReceivedPicture();
        }
        await output.WriteLineAsync("hung up").ConfigureAwait(false);

        if (arguments.SavePath is null)
        {
            return 0;
        }
        if (last is null)
        {
            await error.WriteLineAsync("mcu-bot: no picture was received, nothing to save").ConfigureAwait(false);
            return 1;
        }
        PngFile.Save(last, arguments.SavePath);
        await output.WriteLineAsync($"saved the last composite ({last.Width}x{last.Height}) to {arguments.SavePath}").ConfigureAwait(false);
        return 0;
    }
}
