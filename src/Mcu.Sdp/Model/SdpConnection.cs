using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Mcu.Sdp;

/// <summary>A c= line (RFC 8866 §5.7).</summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>"IN IP4 0.0.0.0", what JSEP writes when the address is not yet known or not meaningful.</summary>
    public static SdpConnection Unspecified { get; } = new("IN", "IP4", "0.0.0.0");

    /// <summary>The c= line for an IP address literal; anything else (an mDNS name) gives <see cref="Unspecified"/>.</summary>
    public static SdpConnection ForAddress(string address) =>
        IPAddress.TryParse(address, out IPAddress? ip)
            ? new SdpConnection("IN", ip.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address)
            : Unspecified;

    /// <summary>The line value, without "c=".</summary>
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpConnection? connection, [NotNullWhen(false)] out string? error)
    {
        connection = null;
        string[] words = SdpToken.Words(value);
        if (words.Length != 3 || !SdpToken.IsToken(words[0]) || !SdpToken.IsToken(words[1]) || !SdpToken.IsVisible(words[2]))
        {
            error = "c= needs <nettype> <addrtype> <connection-address>";
            return false;
        }

        connection = new SdpConnection(words[0], words[1], words[2]);
        error = null;
        return true;
    }
}
