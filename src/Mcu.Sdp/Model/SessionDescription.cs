namespace Mcu.Sdp;

/// <summary>A parsed SDP session description: session-level fields and the m= sections in order.</summary>
public sealed class SessionDescription
{
    /// <summary>v=, always 0.</summary>
    public int Version { get; set; }

    /// <summary>o=.</summary>
    public SdpOrigin Origin { get; set; } = SdpOrigin.Create(0, 0);

    /// <summary>s=; WebRTC writes "-".</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>Session-level i=, if any.</summary>
    public string? Information { get; set; }

    /// <summary>Session-level c=, if any.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>Session-level b= lines.</summary>
    public List<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary>The first t= line.</summary>
    public SdpTiming Timing { get; set; } = SdpTiming.Unbounded;

    /// <summary>u=, e=, p=, r=, z=, k= and further t= lines, kept verbatim in order.</summary>
    public List<SdpLine> ExtraLines { get; } = [];

    /// <summary>a=group lines (RFC 5888).</summary>
    public List<SdpGroup> Groups { get; } = [];

    /// <summary>Session-level a=ice-ufrag, the default for every m= section.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>Session-level a=ice-pwd.</summary>
    public string? IcePwd { get; set; }

    /// <summary>Session-level a=ice-options tokens, e.g. "trickle", "ice2".</summary>
    public List<string> IceOptions { get; } = [];

    /// <summary>a=ice-lite (RFC 8839 §5.3): the writer is a lite implementation.</summary>
    public bool IceLite { get; set; }

    /// <summary>Session-level a=fingerprint lines.</summary>
    public List<DtlsFingerprint> Fingerprints { get; } = [];

    /// <summary>Session-level a=setup.</summary>
    public DtlsSetup? Setup { get; set; }

    /// <summary>a=msid-semantic.</summary>
    public SdpMsidSemantic? MsidSemantic { get; set; }

    /// <summary>a=extmap-allow-mixed (RFC 8285): one- and two-byte header extensions may be mixed.</summary>
    public bool ExtmapAllowMixed { get; set; }

    /// <summary>Session-level direction, the default for m= sections without their own.</summary>
    public MediaDirection? Direction { get; set; }

    /// <summary>Session-level attributes without a model, in order.</summary>
    public List<SdpAttributeLine> Attributes { get; } = [];

    /// <summary>The m= sections in order.</summary>
    public List<MediaDescription> Media { get; } = [];

    /// <summary>The first BUNDLE group, if any.</summary>
    public SdpGroup? BundleGroup
    {
        get
        {
            foreach (SdpGroup group in Groups)
            {
                if (group.IsBundle)
                {
                    return group;
                }
            }

            return null;
        }
    }

    /// <summary>Parses SDP text with the default limits; throws <see cref="SdpException"/> when malformed.</summary>
    public static SessionDescription Parse(string text) => new SdpParser().Parse(text);

    /// <summary>The m= section with this mid, if any.</summary>
    public MediaDescription? FindMedia(string mid)
    {
        foreach (MediaDescription media in Media)
        {
            if (string.Equals(media.Mid, mid, StringComparison.Ordinal))
            {
                return media;
            }
        }

        return null;
    }

    /// <summary>The SDP text with CRLF line endings.</summary>
    public override string ToString() => SdpSerializer.Serialize(this);
}
