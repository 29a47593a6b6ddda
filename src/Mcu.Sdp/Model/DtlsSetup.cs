namespace Mcu.Sdp;

/// <summary>The a=setup values of RFC 4145 §4 as used by DTLS-SRTP (RFC 5763 §5).</summary>
public enum DtlsSetup
{
    /// <summary>a=setup:actpass, the offerer lets the answerer choose.</summary>
    ActPass,

    /// <summary>a=setup:active, this side initiates DTLS (is the client).</summary>
    Active,

    /// <summary>a=setup:passive, this side waits for the ClientHello (is the server).</summary>
    Passive,

    /// <summary>a=setup:holdconn, no connection yet; not usable for WebRTC.</summary>
    HoldConn,
}

/// <summary>Conversions for <see cref="DtlsSetup"/>.</summary>
public static class DtlsSetups
{
    /// <summary>The attribute value, e.g. "actpass".</summary>
    public static string ToSdpName(this DtlsSetup setup) => setup switch
    {
        DtlsSetup.Active => "active",
        DtlsSetup.Passive => "passive",
        DtlsSetup.HoldConn => "holdconn",
        _ => "actpass",
    };

    /// <summary>Parses an attribute value, ignoring case.</summary>
    public static bool TryParse(string value, out DtlsSetup setup)
    {
        foreach (DtlsSetup candidate in (ReadOnlySpan<DtlsSetup>)[DtlsSetup.ActPass, DtlsSetup.Active, DtlsSetup.Passive, DtlsSetup.HoldConn])
        {
            if (string.Equals(value, candidate.ToSdpName(), StringComparison.OrdinalIgnoreCase))
            {
                setup = candidate;
                return true;
            }
        }

        setup = DtlsSetup.ActPass;
        return false;
    }
}
