namespace Mcu.Sdp;

/// <summary>This side's ICE credentials, DTLS certificate fingerprint and host candidates.</summary>
public sealed class LocalTransport
{
    /// <summary>Our a=ice-ufrag (4-256 ice-chars).</summary>
    public required string IceUfrag { get; init; }

    /// <summary>Our a=ice-pwd (22-256 ice-chars).</summary>
    public required string IcePwd { get; init; }

    /// <summary>The fingerprint of our DTLS certificate, SHA-256 or stronger.</summary>
    public required DtlsFingerprint Fingerprint { get; init; }

    /// <summary>Our candidates, written into the first bundled m= section; the first one gives the m=/c= address.</summary>
    public IReadOnlyList<IceCandidate> Candidates { get; init; } = [];

    internal void Validate()
    {
        if (!IceCredentialSyntax.IsValidUfrag(IceUfrag) || !IceCredentialSyntax.IsValidPwd(IcePwd))
        {
            throw new ArgumentException("The local ICE ufrag must be 4-256 and the pwd 22-256 ice-chars (RFC 8839 §5.4).");
        }

        ArgumentNullException.ThrowIfNull(Fingerprint);
        ArgumentNullException.ThrowIfNull(Candidates);
    }
}
