using Mcu.Dtls;
using Mcu.Transport;

namespace Mcu.Conference;

/// <summary>The process's media plumbing a room needs: the shared port, the DTLS identity, the candidates.</summary>
public interface IMediaEndpoint
{
    UdpMediaPort Port { get; }

    DtlsCertificate Certificate { get; }

    Sdp.DtlsFingerprint Fingerprint { get; }

    IReadOnlyList<Sdp.IceCandidate> Candidates { get; }
}
