using Mcu.Testing;
using Mcu.Media.Video;

namespace Mcu.Conference.Tests;

/// <summary>Waiting and colour matching shared by the room tests.</summary>
internal static class RoomTestSupport
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>True when a sampled colour is within <paramref name="tolerance"/> of the expected one in Y, U and V.</summary>
    public static bool Near(YuvColor? seen, YuvColor expected, int tolerance = 14) =>
        seen is { } c && Math.Abs(c.Y - expected.Y) <= tolerance && Math.Abs(c.U - expected.U) <= tolerance && Math.Abs(c.V - expected.V) <= tolerance;

    public static Task Eventually(Func<bool> condition, string what) => Poll.UntilAsync(condition, Patience, what);
}
