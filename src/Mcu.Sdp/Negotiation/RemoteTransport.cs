namespace Mcu.Sdp;

/// <summary>The peer's ICE and DTLS parameters for the bundled transport.</summary>
internal sealed record RemoteTransport(
    string IceUfrag,
    string IcePwd,
    DtlsFingerprint Fingerprint,
    DtlsSetup? Setup,
    IReadOnlyList<IceCandidate> Candidates,
    bool EndOfCandidates)
{
    /// <summary>Reads the transport attributes from the first of <paramref name="sections"/> that has them, else from
    /// session level (RFC 8839 and RFC 8122 allow both levels). <paramref name="side"/> names the description in errors.</summary>
    public static RemoteTransport Read(SessionDescription remote, IReadOnlyList<MediaDescription> sections, string side)
    {
        string? ufrag = remote.IceUfrag;
        string? pwd = remote.IcePwd;
        DtlsSetup? setup = remote.Setup;
        List<DtlsFingerprint> fingerprints = remote.Fingerprints;
        MediaDescription? candidateSource = null;
        for (int i = sections.Count - 1; i >= 0; i--)
        {
            MediaDescription media = sections[i];
            ufrag = media.IceUfrag ?? ufrag;
            pwd = media.IcePwd ?? pwd;
            setup = media.Setup ?? setup;
            fingerprints = media.Fingerprints.Count > 0 ? media.Fingerprints : fingerprints;
            candidateSource = media.Candidates.Count > 0 || media.EndOfCandidates ? media : candidateSource;
        }

        if (ufrag is null || pwd is null)
        {
            throw new SdpException($"the {side} has no a=ice-ufrag and a=ice-pwd for the bundled transport (RFC 8839).");
        }

        var candidates = new List<IceCandidate>();
        foreach (IceCandidate candidate in candidateSource?.Candidates ?? [])
        {
            // rtcp-mux is required, so RTCP candidates (component 2, still gathered by Firefox) are never used.
            if (candidate.Component == 1)
            {
                candidates.Add(candidate);
            }
        }

        return new RemoteTransport(ufrag, pwd, SelectFingerprint(fingerprints, side), setup, candidates, candidateSource?.EndOfCandidates ?? false);
    }

    /// <summary>The negotiation result: these remote parameters with our DTLS role and the planned sections.</summary>
    public NegotiatedSession ToSession(
        bool remoteIceLite, DtlsRole localRole, SectionPlan tag, List<SectionPlan> plans, bool extmapAllowMixed, List<string> warnings) => new()
    {
        RemoteIceUfrag = IceUfrag,
        RemoteIcePwd = IcePwd,
        RemoteIceLite = remoteIceLite,
        RemoteFingerprint = Fingerprint,
        LocalDtlsRole = localRole,
        RemoteCandidates = Candidates,
        RemoteEndOfCandidates = EndOfCandidates,
        BundleTag = tag.Offered.Mid,
        ExtmapAllowMixed = extmapAllowMixed,
        Media = plans.ConvertAll(plan => plan.ToNegotiated()),
        Warnings = warnings,
    };

    private static DtlsFingerprint SelectFingerprint(List<DtlsFingerprint> fingerprints, string side)
    {
        if (fingerprints.Count == 0)
        {
            throw new SdpException($"the {side} has no a=fingerprint; DTLS-SRTP needs the certificate fingerprint (RFC 8122 §5).");
        }

        DtlsFingerprint? best = null;
        foreach (DtlsFingerprint fingerprint in fingerprints)
        {
            if (fingerprint.IsSha256OrStronger && (best is null || fingerprint.Value.Length > best.Value.Length))
            {
                best = fingerprint;
            }
        }

        return best ?? throw new SdpException(
            $"the {side}'s a=fingerprint uses {fingerprints[0].Algorithm}; the MCU requires sha-256, sha-384 or sha-512.");
    }
}
