using System.Diagnostics.CodeAnalysis;

namespace Mcu.Sdp;

/// <summary>An a=msid line (RFC 8830 §2): MediaStream id and optional track id ("-" means no stream).</summary>
public sealed record SdpMsid(string StreamId, string? TrackId = null)
{
    /// <summary>RFC 8830 §2: msid-id = 1*64token-char.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The attribute value, without "a=msid:".</summary>
    public override string ToString() => TrackId is null ? StreamId : $"{StreamId} {TrackId}";

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpMsid? msid, [NotNullWhen(false)] out string? error)
    {
        msid = null;
        string[] words = SdpToken.Words(value);
        if (words.Length is < 1 or > 2 || !IsId(words[0]) || (words.Length == 2 && !IsId(words[1])))
        {
            error = "a=msid needs <stream id> [<track id>], each 1-64 token characters";
            return false;
        }

        msid = new SdpMsid(words[0], words.Length == 2 ? words[1] : null);
        error = null;
        return true;
    }

    internal static bool IsId(string id) => id.Length <= MaxIdLength && SdpToken.IsToken(id);
}
