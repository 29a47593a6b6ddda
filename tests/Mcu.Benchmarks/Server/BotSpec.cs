using System.Globalization;
using Mcu.Client;
using Mcu.Media.Containers;
using Mcu.Media.Video;

namespace Mcu.Benchmarks.Server;

/// <summary>What one bot of a <see cref="BotDriver"/> sends and receives; one command-line token in the driver's protocol.</summary>
/// <param name="Width">Video width; 0 sends no video (a WHEP viewer).</param>
/// <param name="Tone">Tone in Hz; 0 sends digital silence (a listener); negative sends no audio.</param>
/// <param name="Decode">Decode the composite and mix; false only reassembles and counts frames (cheap).</param>
/// <param name="Color">A solid colour instead of the moving test pattern.</param>
/// <param name="Alternate">With <paramref name="Color"/>: switch to this colour and back every ten frames (the latency marker).</param>
/// <param name="Clip">An IVF file whose VP8 frames to loop instead of the test pattern (the room probe's camera inputs).</param>
internal sealed record BotSpec(int Width, int Height, int FrameRate, double Tone, bool Decode, YuvColor? Color = null, YuvColor? Alternate = null, string? Clip = null)
{
    /// <summary>Frames between colour switches of a marker bot.</summary>
    public const int MarkerPeriod = 10;

    /// <summary>A participant sending the looped test pattern (cheap: pre-encoded) and receiving without decoding.</summary>
    public static BotSpec Participant(int width, int height, int frameRate, bool speaking) =>
        new(width, height, frameRate, speaking ? 440 : 0, Decode: false);

    /// <summary>A participant looping a recorded camera (an IVF file) and receiving without decoding.</summary>
    public static BotSpec Camera(string clip, int frameRate, bool speaking) =>
        new(0, 0, frameRate, speaking ? 440 : 0, Decode: false, Clip: clip);

    /// <summary>A WHEP viewer receiving without decoding.</summary>
    public static BotSpec Viewer { get; } = new(0, 0, 0, -1, Decode: false);

    public string ToToken() => string.Create(CultureInfo.InvariantCulture,
        $"{Width}x{Height}@{FrameRate},tone={Tone},decode={(Decode ? 1 : 0)},color={Hex(Color)},alt={Hex(Alternate)},clip={(Clip is null ? "-" : Uri.EscapeDataString(Clip))}");

    public static BotSpec Parse(string token)
    {
        string[] parts = token.Split(',');
        string[] size = parts[0].Split('x', '@');
        string Value(int i) => parts[i][(parts[i].IndexOf('=', StringComparison.Ordinal) + 1)..];
        return new BotSpec(Int(size[0]), Int(size[1]), Int(size[2]), double.Parse(Value(1), CultureInfo.InvariantCulture), Value(2) == "1",
            ParseColor(Value(3)), ParseColor(Value(4)), Value(5) == "-" ? null : Uri.UnescapeDataString(Value(5)));
    }

    /// <param name="clip">The frames of <see cref="Clip"/>, read by the caller (once for all bots that share the file).</param>
    public MediaBotOptions ToOptions(IvfFile? clip = null) => new()
    {
        SendVideo = Width > 0 || clip is not null,
        VideoClip = clip?.Frames,
        SendAudio = Tone >= 0,
        Width = clip?.Width ?? (Width > 0 ? Width : 640),
        Height = clip?.Height ?? (Height > 0 ? Height : 360),
        FrameRate = FrameRate > 0 ? FrameRate : 30,
        ToneHertz = Math.Max(0, Tone),
        DecodeReceived = Decode,
        SolidColor = Color,
        AlternateColor = Alternate,
        ColorPeriodFrames = MarkerPeriod,
        // A loop of whole marker periods (both colours), or five seconds of the pattern.
        PreEncodedFrames = Width == 0 || clip is not null ? 0 : Alternate is null ? 5 * Math.Max(FrameRate, 1) : 6 * MarkerPeriod,
        LoopAudio = true,
    };

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Hex(YuvColor? color) => color is { } c ? $"{c.Y:x2}{c.U:x2}{c.V:x2}" : "-";

    private static YuvColor? ParseColor(string hex) => hex == "-" ? null
        : new YuvColor(byte.Parse(hex[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(hex[2..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(hex[4..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
