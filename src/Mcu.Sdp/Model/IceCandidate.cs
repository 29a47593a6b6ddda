using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;

namespace Mcu.Sdp;

/// <summary>An ICE candidate (RFC 8839 §5.1), as found in a=candidate lines and trickled "candidate:..." strings.</summary>
public sealed class IceCandidate
{
    /// <summary>
    /// The priority RFC 8445 §5.1.2.1 recommends for a host candidate of component 1 on a single
    /// interface (2^24 * 126 + 2^8 * 65535 + 255). Computing priorities is ICE's job (Mcu.Stun's
    /// IceCandidate.ComputePriority); SDP only carries the number.
    /// </summary>
    public const uint DefaultHostPriority = 2130706431;

    private const string Prefix = "candidate:";
    private const int MaxAddressLength = 255;

    private static readonly SearchValues<char> IPv4Chars = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> IPv6Chars = SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>Groups candidates of the same type, base and server (1 to 32 ice-chars).</summary>
    public required string Foundation { get; init; }

    /// <summary>1 for RTP; 2 would be RTCP, which rtcp-mux makes unused.</summary>
    public int Component { get; init; } = 1;

    /// <summary>"udp" or "tcp", as written.</summary>
    public string Transport { get; init; } = "udp";

    /// <summary>Candidate priority (RFC 8445 §5.1.2).</summary>
    public uint Priority { get; init; }

    /// <summary>IP address literal, or an mDNS name such as "abcd.local".</summary>
    public required string Address { get; init; }

    /// <summary>Port; 9 for active TCP candidates (RFC 6544).</summary>
    public int Port { get; init; }

    /// <summary>"host", "srflx", "prflx" or "relay".</summary>
    public string Type { get; init; } = "host";

    /// <summary>raddr, for reflexive and relayed candidates.</summary>
    public string? RelatedAddress { get; init; }

    /// <summary>rport, for reflexive and relayed candidates.</summary>
    public int? RelatedPort { get; init; }

    /// <summary>Extension attributes in order, e.g. ("generation", "0"), ("tcptype", "passive").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extensions { get; init; } = [];

    /// <summary>True for UDP candidates, the only transport the MCU listens on.</summary>
    public bool IsUdp => string.Equals(Transport, "udp", StringComparison.OrdinalIgnoreCase);

    /// <summary>A host candidate for the RTP component (UDP).</summary>
    /// <param name="foundation">1 to 32 ice-chars.</param>
    /// <param name="address">An IP address literal.</param>
    /// <param name="port">The port.</param>
    /// <param name="priority">Computed by the ICE agent; by default <see cref="DefaultHostPriority"/>.</param>
    public static IceCandidate Host(string foundation, string address, int port, uint priority = DefaultHostPriority) => new()
    {
        Foundation = foundation,
        Address = address,
        Port = port,
        Priority = priority,
    };

    /// <summary>
    /// The address as an endpoint when it is an IP literal; false for names (mDNS ".local",
    /// FQDNs), which an MCU without a resolver cannot check.
    /// </summary>
    public bool TryGetEndPoint([NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (!IsIPLiteral(Address) || !IPAddress.TryParse(Address, out IPAddress? address))
        {
            return false;
        }

        endPoint = new IPEndPoint(address, Port);
        return true;
    }

    /// <summary>Parses "candidate:..." (the prefix and a leading "a=" are optional); throws <see cref="SdpException"/>.</summary>
    public static IceCandidate Parse(string value) =>
        TryParse(value, out IceCandidate? candidate, out string? error) ? candidate : throw new SdpException(error);

    /// <summary>Parses "candidate:..." (the prefix and a leading "a=" are optional).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out IceCandidate? candidate) => TryParse(value, out candidate, out _);

    /// <summary>The value of the first extension with this name.</summary>
    public string? GetExtension(string name)
    {
        foreach (KeyValuePair<string, string> extension in Extensions)
        {
            if (string.Equals(extension.Key, name, StringComparison.Ordinal))
            {
                return extension.Value;
            }
        }

        return null;
    }

    /// <summary>"candidate:foundation component transport priority address port typ type ...", as an a= value.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Prefix, 128);
        text.Append(CultureInfo.InvariantCulture, $"{Foundation} {Component} {Transport} {Priority} {Address} {Port} typ {Type}");
        if (RelatedAddress is not null)
        {
            text.Append(" raddr ").Append(RelatedAddress);
        }

        if (RelatedPort is { } relatedPort)
        {
            text.Append(CultureInfo.InvariantCulture, $" rport {relatedPort}");
        }

        foreach (KeyValuePair<string, string> extension in Extensions)
        {
            text.Append(' ').Append(extension.Key).Append(' ').Append(extension.Value);
        }

        return text.ToString();
    }

    internal static bool TryParse(string? value, [NotNullWhen(true)] out IceCandidate? candidate, [NotNullWhen(false)] out string? error)
    {
        candidate = null;
        string text = value?.Trim() ?? string.Empty;
        if (text.StartsWith("a=", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            text = text[Prefix.Length..];
        }

        string[] words = SdpToken.Words(text);
        if (words.Length < 8 || words[6] != "typ")
        {
            error = "candidate needs <foundation> <component> <transport> <priority> <address> <port> typ <type>";
            return false;
        }

        if (words[0].Length > 32 || !SdpToken.IsIceChars(words[0]))
        {
            error = "candidate foundation must be 1-32 ice-chars";
            return false;
        }

        if (!SdpNumber.TryParse(words[1], 1, 256, out int component))
        {
            error = "candidate component id is not in the range 1-256";
            return false;
        }

        if (!SdpToken.IsToken(words[2]))
        {
            error = "candidate transport is not a token";
            return false;
        }

        if (!SdpNumber.TryParse(words[3], out uint priority))
        {
            error = "candidate priority is not a 32-bit number";
            return false;
        }

        if (!IsAddress(words[4]))
        {
            error = "candidate address is not a valid address";
            return false;
        }

        if (!SdpNumber.TryParse(words[5], 0, 65535, out int port))
        {
            error = "candidate port is not in the range 0-65535";
            return false;
        }

        if (!SdpToken.IsToken(words[7]))
        {
            error = "candidate type is not a token";
            return false;
        }

        if ((words.Length - 8) % 2 != 0)
        {
            error = "candidate extensions must come in name/value pairs";
            return false;
        }

        string? relatedAddress = null;
        int? relatedPort = null;
        var extensions = new List<KeyValuePair<string, string>>();
        for (int i = 8; i < words.Length; i += 2)
        {
            string name = words[i];
            string extension = words[i + 1];
            if (name == "raddr" && relatedAddress is null && IsAddress(extension))
            {
                relatedAddress = extension;
            }
            else if (name == "rport" && relatedPort is null && SdpNumber.TryParse(extension, 0, 65535, out int parsedPort))
            {
                relatedPort = parsedPort;
            }
            else if (name is "raddr" or "rport" || !SdpToken.IsToken(name))
            {
                error = $"candidate has an invalid or repeated '{SdpText.Excerpt(name)}'";
                return false;
            }
            else
            {
                extensions.Add(new KeyValuePair<string, string>(name, extension));
            }
        }

        candidate = new IceCandidate
        {
            Foundation = words[0],
            Component = component,
            Transport = words[2],
            Priority = priority,
            Address = words[4],
            Port = port,
            Type = words[7],
            RelatedAddress = relatedAddress,
            RelatedPort = relatedPort,
            Extensions = extensions,
        };
        error = null;
        return true;
    }

    private static bool IsAddress(string text) => text.Length <= MaxAddressLength && SdpToken.IsVisible(text);

    // IPAddress.TryParse also takes forms such as "1.2.3" or "0x7f.1"; RFC 8839 §5.1 allows only
    // dotted-quad IPv4, IPv6 text or an FQDN, and a zone id ("%eth0") means nothing to the peer.
    private static bool IsIPLiteral(ReadOnlySpan<char> text) => text.Contains(':')
        ? !text.ContainsAnyExcept(IPv6Chars)
        : text.Count('.') == 3 && !text.ContainsAnyExcept(IPv4Chars);
}
