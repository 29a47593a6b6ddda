using Mcu.Conference;
using Mcu.Dtls;
using Mcu.Transport;

namespace Mcu.Benchmarks.Room;

/// <summary>The media endpoint of a room whose members are all fed in process: any use of the network is a mistake.</summary>
internal sealed class NoNetworkEndpoint : IMediaEndpoint
{
    public static NoNetworkEndpoint Instance { get; } = new();

    public UdpMediaPort Port => throw NoNetwork();

    public DtlsCertificate Certificate => throw NoNetwork();

    public Sdp.DtlsFingerprint Fingerprint => throw NoNetwork();

    public IReadOnlyList<Sdp.IceCandidate> Candidates => throw NoNetwork();

    private static InvalidOperationException NoNetwork() => new("This benchmark room has no network.");
}
