using Mcu.Conference;
using Mcu.Media.Native;

namespace Mcu.Benchmarks.Room;

/// <summary>The composite encoder's settings as a room makes them (its size, rate and bitrate on the VP8 defaults), for the references.</summary>
internal static class RoomEncoderSettings
{
    public static Vp8EncoderSettings For(RoomOptions room) => new()
    {
        Width = room.Width,
        Height = room.Height,
        FrameRate = room.FrameRate,
        BitrateBps = room.VideoBitrateBps,
        // A room encodes keyframes on request only (VideoEngine).
        KeyframeInterval = 100_000,
    };
}
