using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mcu.Sdp;

/// <summary>The o= line (RFC 8866 §5.2).</summary>
public sealed record SdpOrigin(string Username, ulong SessionId, ulong SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <summary>The origin a WebRTC stack writes when it has nothing better: "- id version IN IP4 127.0.0.1".</summary>
    public static SdpOrigin Create(ulong sessionId, ulong sessionVersion) =>
        new("-", sessionId, sessionVersion, "IN", "IP4", "127.0.0.1");

    /// <summary>The line value, without "o=".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}");

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpOrigin? origin, [NotNullWhen(false)] out string? error)
    {
        origin = null;
        string[] words = SdpToken.Words(value);
        if (words.Length != 6)
        {
            error = "o= needs 6 fields: <username> <sess-id> <sess-version> <nettype> <addrtype> <address>";
            return false;
        }

        if (!SdpNumber.TryParse(words[1], ulong.MaxValue, out ulong id))
        {
            error = "o= session id is not a number within 64 bits";
            return false;
        }

        if (!SdpNumber.TryParse(words[2], ulong.MaxValue, out ulong version))
        {
            error = "o= session version is not a number within 64 bits";
            return false;
        }

        if (!SdpToken.IsToken(words[3]) || !SdpToken.IsToken(words[4]) || !SdpToken.IsVisible(words[0]) || !SdpToken.IsVisible(words[5]))
        {
            error = "o= has an invalid username, network type, address type or address";
            return false;
        }

        origin = new SdpOrigin(words[0], id, version, words[3], words[4], words[5]);
        error = null;
        return true;
    }
}
