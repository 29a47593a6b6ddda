using System.Net;
using Mcu.Dtls;
using Mcu.Stun.Ice;
using Mcu.Transport;

namespace Mcu.Conference;

/// <summary>
/// A media port of its own on a free port of 127.0.0.1 with a fresh certificate: what the
/// server's MediaHost provides, for rooms run without the server (tests, benchmarks, tools).
/// </summary>
public sealed class LoopbackMediaEndpoint : IMediaEndpoint, IDisposable
{
    public LoopbackMediaEndpoint()
    {
        var options = new MediaPortOptions { Port = 0 };
        options.BindAddresses.Add(IPAddress.Loopback);
        Port = new UdpMediaPort(options, StunUfragReader.Instance);
        Certificate = DtlsCertificate.Generate(DateTimeOffset.UtcNow);
        Fingerprint = new Sdp.DtlsFingerprint(Certificate.Fingerprint.Algorithm, Certificate.Fingerprint.Value);
        Candidates = [Sdp.IceCandidate.Host("1", "127.0.0.1", Port.Port, IceCandidate.ComputePriority(IceCandidateType.Host, 65535, 1))];
    }

    public UdpMediaPort Port { get; }

    public DtlsCertificate Certificate { get; }

    public Sdp.DtlsFingerprint Fingerprint { get; }

    public IReadOnlyList<Sdp.IceCandidate> Candidates { get; }

    public void Dispose() => Port.Dispose();
}
