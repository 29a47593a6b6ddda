namespace Mcu.Sdp;

/// <summary>Everything the transport and media layers need after offer/answer: the peer's ICE and DTLS
/// parameters, our DTLS role, and per m= section (in order) the codecs, extensions and streams.</summary>
public sealed class NegotiatedSession
{
    /// <summary>The peer's a=ice-ufrag.</summary>
    public required string RemoteIceUfrag { get; init; }

    /// <summary>The peer's a=ice-pwd.</summary>
    public required string RemoteIcePwd { get; init; }

    /// <summary>The peer is ICE-lite, so this side must be the controlling agent (RFC 8445 §6.1.1).</summary>
    public bool RemoteIceLite { get; init; }

    /// <summary>The fingerprint the peer's DTLS certificate must match (SHA-256 or stronger).</summary>
    public required DtlsFingerprint RemoteFingerprint { get; init; }

    /// <summary>Our DTLS role.</summary>
    public required DtlsRole LocalDtlsRole { get; init; }

    /// <summary>The peer's RTP candidates for the bundled transport (component 1 only, rtcp-mux being required).</summary>
    public IReadOnlyList<IceCandidate> RemoteCandidates { get; init; } = [];

    /// <summary>The peer signalled a=end-of-candidates: no trickled candidates will follow.</summary>
    public bool RemoteEndOfCandidates { get; init; }

    /// <summary>The mid of the m= section whose transport carries the whole BUNDLE group.</summary>
    public string? BundleTag { get; init; }

    /// <summary>Both sides accept mixing one- and two-byte header extensions (RFC 8285).</summary>
    public bool ExtmapAllowMixed { get; init; }

    /// <summary>One entry per m= section, in order.</summary>
    public required IReadOnlyList<NegotiatedMedia> Media { get; init; }

    /// <summary>Things the peer should know but that did not fail the negotiation (dropped extensions...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The section with this mid, if any.</summary>
    public NegotiatedMedia? FindMedia(string mid)
    {
        foreach (NegotiatedMedia media in Media)
        {
            if (string.Equals(media.Mid, mid, StringComparison.Ordinal))
            {
                return media;
            }
        }

        return null;
    }
}
