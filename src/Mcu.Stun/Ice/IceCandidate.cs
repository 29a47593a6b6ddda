using System.Net;

namespace Mcu.Stun.Ice;

/// <summary>
/// A remote candidate as the ICE agents pair it (RFC 8445 section 5.1): transport address,
/// priority, foundation and type. Signalling text (the SDP "candidate:" attribute) is
/// Mcu.Sdp's job; the caller converts.
/// </summary>
public sealed record IceCandidate
{
    /// <summary>The RTP component; with BUNDLE and rtcp-mux only component 1 exists.</summary>
    public const int RtpComponent = 1;

    /// <summary>The local preference of a host on a single interface (RFC 8445 section 5.1.2.1).</summary>
    public const int DefaultLocalPreference = 65535;

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

    private static uint GetTypePreference(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => 126,
        IceCandidateType.PeerReflexive => 110,
        IceCandidateType.ServerReflexive => 100,
        _ => 0,
    };
}
