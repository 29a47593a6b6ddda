using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Mcu.Stun.Ice;

/// <summary>
/// One ICE candidate as signalled in SDP (RFC 8839 section 5.1): formatting our host
/// candidates and parsing the peer's. Signalling-time code, so strings are fine here.
/// </summary>
public sealed record IceCandidate
{
    /// <summary>The RTP component; with BUNDLE and rtcp-mux only component 1 exists.</summary>
    public const int RtpComponent = 1;

    /// <summary>The local preference of a host on a single interface (RFC 8445 section 5.1.2.1).</summary>
    public const int DefaultLocalPreference = 65535;

    private const int MaxFoundationLength = 32;

    private static readonly SearchValues<char> IPv4Chars = SearchValues.Create("0123456789.");
    private static readonly SearchValues<char> IPv6Chars = SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>Candidates with the same type, base address and protocol share a foundation (RFC 8445 section 5.1.1.3).</summary>
    public required string Foundation { get; init; }

    /// <summary>The component id, 1-256.</summary>
    public int Component { get; init; } = RtpComponent;

    /// <summary>UDP or TCP.</summary>
    public IceTransportProtocol Protocol { get; init; }

    /// <summary>The candidate priority (RFC 8445 section 5.1.2).</summary>
    public uint Priority { get; init; }

    /// <summary>The transport address.</summary>
    public required IPEndPoint EndPoint { get; init; }

    /// <summary>Host, server- or peer-reflexive, or relayed.</summary>
    public IceCandidateType Type { get; init; }

    /// <summary>"raddr"/"rport" of a reflexive or relayed candidate, when given.</summary>
    public IPEndPoint? RelatedEndPoint { get; init; }

    /// <summary>
    /// RFC 8445 section 5.1.2.1: (2^24) * type preference + (2^8) * local preference +
    /// (256 - component id), with the recommended type preferences (host 126,
    /// peer-reflexive 110, server-reflexive 100, relayed 0).
    /// </summary>
    public static uint ComputePriority(IceCandidateType type, int localPreference, int component)
    {
        if (localPreference is < 0 or > 65535)
        {
            ThrowHelper.ThrowOutOfRange(nameof(localPreference), localPreference, "The local preference is 0-65535.");
        }
        if (component is < 1 or > 256)
        {
            ThrowHelper.ThrowOutOfRange(nameof(component), component, "The component id is 1-256.");
        }
        return (GetTypePreference(type) << 24) + ((uint)localPreference << 8) + (uint)(256 - component);
    }

    /// <summary>A UDP host candidate for component 1 with its priority computed.</summary>
    public static IceCandidate CreateHost(IPEndPoint endPoint, string foundation, int localPreference = DefaultLocalPreference)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentException.ThrowIfNullOrEmpty(foundation);
        return new IceCandidate
        {
            Foundation = foundation,
            EndPoint = endPoint,
            Type = IceCandidateType.Host,
            Priority = ComputePriority(IceCandidateType.Host, localPreference, RtpComponent),
        };
    }

    /// <summary>The attribute value, e.g. "candidate:1 1 udp 2130706431 192.0.2.1 3478 typ host".</summary>
    public override string ToString()
    {
        var protocol = Protocol == IceTransportProtocol.Udp ? "udp" : "tcp";
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"candidate:{Foundation} {Component} {protocol} {Priority} {FormatAddress(EndPoint.Address)} {EndPoint.Port} typ {GetTypeName(Type)}");
        return RelatedEndPoint is null
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text} raddr {FormatAddress(RelatedEndPoint.Address)} rport {RelatedEndPoint.Port}");
    }

    /// <summary>The SDP line: "a=" followed by <see cref="ToString"/>.</summary>
    public string ToSdpLine() => "a=" + ToString();

    /// <summary>
    /// Parses "candidate:..." with or without a leading "a=". False for malformed lines and for
    /// addresses that are not literal IPv4/IPv6 (e.g. mDNS ".local" names, which an agent here
    /// cannot resolve). Unknown extension attributes are skipped.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out IceCandidate? candidate)
    {
        candidate = null;
        var rest = text.Trim();
        if (rest.StartsWith("a=", StringComparison.Ordinal))
        {
            rest = rest[2..];
        }
        if (!rest.StartsWith("candidate:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        rest = rest["candidate:".Length..];

        if (!NextToken(ref rest, out var foundation)
            || foundation.Length > MaxFoundationLength
            || !IceCredentials.IsIceChars(foundation, 1)
            || !NextToken(ref rest, out var componentText)
            || !int.TryParse(componentText, NumberStyles.None, CultureInfo.InvariantCulture, out var component)
            || component is < 1 or > 256
            || !NextToken(ref rest, out var protocolText)
            || !TryParseProtocol(protocolText, out var protocol)
            || !NextToken(ref rest, out var priorityText)
            || !uint.TryParse(priorityText, NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
            || priority is < 1 or > int.MaxValue
            || !NextToken(ref rest, out var addressText)
            || !NextToken(ref rest, out var portText)
            || !TryParseEndPoint(addressText, portText, out var endPoint)
            || !NextToken(ref rest, out var typ)
            || !typ.SequenceEqual("typ")
            || !NextToken(ref rest, out var typeText)
            || !TryParseType(typeText, out var type))
        {
            return false;
        }

        ReadOnlySpan<char> relatedAddress = default;
        ReadOnlySpan<char> relatedPort = default;
        ReadOnlySpan<char> name = default;
        ReadOnlySpan<char> value = default;
        while (NextToken(ref rest, out name) && NextToken(ref rest, out value))
        {
            if (name.SequenceEqual("raddr"))
            {
                relatedAddress = value;
            }
            else if (name.SequenceEqual("rport"))
            {
                relatedPort = value;
            }
        }
        TryParseEndPoint(relatedAddress, relatedPort, out var related);

        candidate = new IceCandidate
        {
            Foundation = foundation.ToString(),
            Component = component,
            Protocol = protocol,
            Priority = priority,
            EndPoint = endPoint,
            Type = type,
            RelatedEndPoint = related,
        };
        return true;
    }

    private static uint GetTypePreference(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => 126,
        IceCandidateType.PeerReflexive => 110,
        IceCandidateType.ServerReflexive => 100,
        _ => 0,
    };

    private static string GetTypeName(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => "host",
        IceCandidateType.ServerReflexive => "srflx",
        IceCandidateType.PeerReflexive => "prflx",
        _ => "relay",
    };

    private static bool TryParseType(ReadOnlySpan<char> name, out IceCandidateType type)
    {
        type = name switch
        {
            "host" => IceCandidateType.Host,
            "srflx" => IceCandidateType.ServerReflexive,
            "prflx" => IceCandidateType.PeerReflexive,
            "relay" => IceCandidateType.Relayed,
            _ => (IceCandidateType)(-1),
        };
        return type >= 0;
    }

    private static bool TryParseProtocol(ReadOnlySpan<char> name, out IceTransportProtocol protocol)
    {
        protocol = IceTransportProtocol.Udp;
        if (name.Equals("udp", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        protocol = IceTransportProtocol.Tcp;
        return name.Equals("tcp", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryParseEndPoint(ReadOnlySpan<char> addressText, ReadOnlySpan<char> portText, [NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (!IsLiteralAddress(addressText)
            || !IPAddress.TryParse(addressText, out var address)
            || !ushort.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return false;
        }
        endPoint = new IPEndPoint(address, port);
        return true;
    }

    // IPAddress.TryParse also takes forms such as "1.2.3" or "0x7f.1"; SDP carries only
    // dotted-quad IPv4 or IPv6 text, and anything else (an FQDN) is not an address.
    private static bool IsLiteralAddress(ReadOnlySpan<char> text)
    {
        if (text.Contains(':'))
        {
            return !text.ContainsAnyExcept(IPv6Chars);
        }
        return text.Count('.') == 3 && !text.ContainsAnyExcept(IPv4Chars);
    }

    private static bool NextToken(scoped ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        rest = rest.TrimStart(' ');
        var end = rest.IndexOf(' ');
        token = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[end..];
        return !token.IsEmpty;
    }

    // Zone ids ("%eth0") are local to this host and mean nothing to the peer.
    private static string FormatAddress(IPAddress address)
    {
        var text = address.ToString();
        var zone = text.IndexOf('%', StringComparison.Ordinal);
        return zone < 0 ? text : text[..zone];
    }
}
