using Mcu.Client;
using Mcu.Conference;
using Mcu.Media.Video;
using Mcu.Recording;

// Usage: Mcu.Recording.CrashHost <directory>. Records a room with one bot (red, 500 Hz) into
// <directory>, prints "RECORDING <path>" once the recording runs, then waits to be killed.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: Mcu.Recording.CrashHost <directory>");
    return 2;
}

using var media = new LoopbackMediaEndpoint();
using var room = new Room("crash", new RoomOptions { Width = 320, Height = 240, FrameRate = 15 }, media);
await using var bot = await MediaBot.StartAsync(
    new MediaBotOptions { SolidColor = YuvColor.FromRgb(220, 40, 40), ToneHertz = 500, Width = 160, Height = 120, FrameRate = 15 },
    async (offer, _) => (await room.JoinAsync(offer, "bot", MemberKind.Participant)).Answer);
using var recordings = new RecordingManager(new RecordingOptions { Directory = args[0] });
var info = recordings.Start(room);
if (info.State != RecordingState.Running)
{
    await Console.Error.WriteLineAsync(info.Error);
    return 1;
}
Console.WriteLine($"RECORDING {info.Path}");
Console.Out.Flush();
await Task.Delay(Timeout.Infinite);
return 0;
