using System.Globalization;
using Mcu.Client;
using Mcu.Media.Containers;
using Mcu.Media.Video;

namespace Mcu.Bot;

/// <summary>The bot's command line.</summary>
internal sealed record BotArguments(Uri Endpoint, bool View, TimeSpan Duration, string? SavePath, string? Token, MediaBotOptions Options)
{
    public const string Usage = """
        usage: mcu-bot <server-url> <room> [options]
          dials <server-url>/whip/<room> (WHIP, RFC 9725) as a participant
          --whep             view instead: dial <server-url>/whep/<room>, receive the composite and the mix
          --name NAME        display name in the room
          --token JWT        join token, when the server requires one (Auth:JoinTokenSecret)
          --seconds N        how long to stay (default 10; 0 = until Ctrl+C)
          --save FILE.png    at the end, save the last composite picture received as PNG
          --color C          send a solid colour: red, green, blue, white, or #rrggbb (default: moving pattern)
          --tone HZ          audio tone frequency (default 440)
          --size WxH         video size (default 640x360)
          --fps N            frame rate (default 30)
          --bitrate BPS      video bitrate (default 600000)
          --preencoded N     encode N video frames and one second of audio once and loop them (cheap, for load tests)
          --ivf FILE         loop the VP8 frames of an IVF file (e.g. a recorded camera) instead of the pattern
          --publish-only     send, do not receive (joins as a publisher)
          --no-video / --no-audio
        """;

    public static BotArguments Parse(string[] args)
    {
        if (args.Length < 2 || args[0].StartsWith('-') || args[1].StartsWith('-'))
        {
            throw new ArgumentException("the server URL and the room come first");
        }
        var server = new Uri(args[0], UriKind.Absolute);
        var room = args[1];
        var seconds = 10;
        YuvColor? color = null;
        double tone = 440;
        int width = 640, height = 360, fps = 30, bitrate = 600_000, preEncoded = 0;
        bool receive = true, video = true, audio = true, view = false, sized = false;
        string? name = null, save = null, token = null;
        IvfFile? clip = null;
        for (var i = 2; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--whep": view = true; break;
                case "--name": name = Value(); break;
                case "--token": token = Value(); break;
                case "--save": save = Value(); break;
                case "--seconds": seconds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--color": color = ParseColor(Value()); break;
                case "--tone": tone = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--size":
                    var parts = Value().Split('x');
                    width = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    height = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    sized = true;
                    break;
                case "--fps": fps = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--bitrate": bitrate = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--preencoded": preEncoded = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--ivf": clip = IvfFile.Read(Value()); break;
                case "--publish-only": receive = false; break;
                case "--no-video": video = false; break;
                case "--no-audio": audio = false; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (clip is not null && (color is not null || sized || preEncoded > 0))
        {
            throw new ArgumentException("--ivf sends the clip as it is: it excludes --color, --size and --preencoded");
        }
        if (view && !receive)
        {
            throw new ArgumentException("--whep and --publish-only exclude each other");
        }
        if (save is not null && !receive)
        {
            throw new ArgumentException("--save needs received video; drop --publish-only");
        }
        var path = $"{(view ? "whep" : "whip")}/{Uri.EscapeDataString(room)}";
        if (name is not null)
        {
            path += "?name=" + Uri.EscapeDataString(name);
        }
        var endpoint = new Uri(new Uri(server.AbsoluteUri.TrimEnd('/') + "/"), path);
        var options = view
            ? new MediaBotOptions { SendAudio = false, SendVideo = false }
            : new MediaBotOptions
            {
                SolidColor = color,
                ToneHertz = tone,
                Width = clip?.Width ?? width,
                Height = clip?.Height ?? height,
                FrameRate = fps,
                VideoBitrateBps = bitrate,
                PreEncodedFrames = preEncoded,
                VideoClip = clip?.Frames,
                LoopAudio = preEncoded > 0 || clip is not null,
                ReceiveAudio = receive,
                ReceiveVideo = receive,
                SendVideo = video,
                SendAudio = audio,
            };
        var duration = seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
        return new BotArguments(endpoint, view, duration, save, token, options);
    }

    private static YuvColor ParseColor(string text) => text switch
    {
        "red" => YuvColor.FromRgb(220, 30, 30),
        "green" => YuvColor.FromRgb(30, 200, 60),
        "blue" => YuvColor.FromRgb(30, 60, 220),
        "white" => YuvColor.FromRgb(235, 235, 235),
        _ when text.Length == 7 && text[0] == '#' => YuvColor.FromRgb(
            byte.Parse(text.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(text.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(text.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"unknown colour '{text}'"),
    };
}
