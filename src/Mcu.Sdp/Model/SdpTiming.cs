using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>A t= line (RFC 8866 §5.9); WebRTC always writes "t=0 0".</summary>
public sealed record SdpTiming(ulong Start, ulong Stop)
{
    /// <summary>"t=0 0": an unbounded session.</summary>
    public static SdpTiming Unbounded { get; } = new(0, 0);

    /// <summary>The line value, without "t=".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start} {Stop}");

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpTiming? timing, [NotNullWhen(false)] out string? error)
    {
        timing = null;
        string[] words = SdpToken.Words(value);
        if (words.Length != 2
            || !SdpNumber.TryParse(words[0], ulong.MaxValue, out ulong start)
            || !SdpNumber.TryParse(words[1], ulong.MaxValue, out ulong stop))
        {
            error = "t= needs two decimal times: <start-time> <stop-time>";
            return false;
        }

        timing = new SdpTiming(start, stop);
        error = null;
        return true;
    }
}
