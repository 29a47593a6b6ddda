// A command-line participant or viewer: dials the MCU over WHIP (or WHEP with --whep), sends a
// synthetic picture or a solid colour and a tone, reports what it sends and receives, and can
// save the last composite it received as a PNG.
using Mcu.Bot;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await BotRunner.RunAsync(args, Console.Out, Console.Error, stop.Token);
