using System.Net;
using Mcu.Dtls;
using Mcu.Stun.Ice;
using Mcu.Transport;

namespace Mcu.Conference.Tests;

/// <summary>A media port on a free port of 127.0.0.1, as the server's MediaHost would provide.</summary>
internal sealed class TestMediaEndpoint : IMediaEndpoint, IDisposable
{
    public TestMediaEndpoint()
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
