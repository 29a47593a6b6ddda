// A command-line participant: dials a WHIP-style endpoint of the MCU, sends a synthetic
// picture or a solid colour and a tone, and reports what it sends and receives.
using System.Globalization;
using Mcu.Bot;
using Mcu.Client;

BotArguments arguments;
try
{
    arguments = BotArguments.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
{
    Console.Error.WriteLine($"mcu-bot: {e.Message}");
    Console.Error.WriteLine(BotArguments.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
MediaBot bot;
try
{
    bot = await WhipDialer.DialAsync(http, arguments.Endpoint, arguments.Options, stop.Token);
}
catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidOperationException or OperationCanceledException)
{
    Console.Error.WriteLine($"mcu-bot: could not connect: {e.Message}");
    return 1;
}

await using (bot)
{
    var profile = await bot.Connection.InvokeAsync((session, _) => session.SrtpProfile);
    Console.WriteLine($"connected to {arguments.Endpoint} ({profile})");
    var started = DateTime.UtcNow;
    while (!stop.IsCancellationRequested && (arguments.Duration == Timeout.InfiniteTimeSpan || DateTime.UtcNow - started < arguments.Duration))
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }
        var (width, height) = bot.ReceivedVideoSize;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(DateTime.UtcNow - started).TotalSeconds,5:0}s  sent {bot.VideoFramesSent} video frames, {bot.AudioPacketsSent} audio packets;" +
            $" received {bot.VideoFramesDecoded} frames ({width}x{height}), {bot.AudioFramesDecoded} audio frames"));
    }
}
Console.WriteLine("hung up");
return 0;
