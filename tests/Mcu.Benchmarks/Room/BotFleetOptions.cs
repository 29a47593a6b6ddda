using System.Globalization;

namespace Mcu.Benchmarks.Room;

/// <summary>What the bots of a <see cref="BotFleet"/> send and receive.</summary>
/// <param name="Count">Bots to start.</param>
/// <param name="SendVideo">Whether they send a 640x360 VP8 test pattern (pre-encoded and looped, so bots cost little).</param>
/// <param name="Speakers">How many send a tone; the others send silence, as muted-by-nature listeners.</param>
/// <param name="ReceiveVideo">Whether they take the composite; an audio-only bot declines it.</param>
internal sealed record BotFleetOptions(int Count, bool SendVideo, int Speakers, bool ReceiveVideo)
{
    public string[] ToArguments() =>
    [
        "bots",
        Count.ToString(CultureInfo.InvariantCulture),
        SendVideo ? "1" : "0",
        Speakers.ToString(CultureInfo.InvariantCulture),
        ReceiveVideo ? "1" : "0",
    ];

    public static BotFleetOptions Parse(ReadOnlySpan<string> args) =>
        args.Length == 4
            ? new BotFleetOptions(int.Parse(args[0], CultureInfo.InvariantCulture), args[1] == "1", int.Parse(args[2], CultureInfo.InvariantCulture), args[3] == "1")
            : throw new ArgumentException("Use: bots <count> <send video 0|1> <speakers> <receive video 0|1>");
}
