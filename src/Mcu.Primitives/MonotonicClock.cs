using System.Diagnostics;

namespace Mcu.Primitives;

/// <summary>
/// The one place drivers read time. Sans-IO cores never call it: they are handed
/// <c>TimeSpan now</c> values from here (or from a virtual clock in tests).
/// </summary>
public static class MonotonicClock
{
    private static readonly long Origin = Stopwatch.GetTimestamp();

    /// <summary>Time since the process started using the clock; never goes backwards.</summary>
    public static TimeSpan Now => Stopwatch.GetElapsedTime(Origin);
}
