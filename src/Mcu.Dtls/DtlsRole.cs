namespace Mcu.Dtls;

/// <summary>Which side of the handshake an endpoint plays (RFC 5763 section 5: setup:active is the DTLS client).</summary>
public enum DtlsRole
{
    /// <summary>Sends the ClientHello (SDP a=setup:active).</summary>
    Client,

    /// <summary>Answers the ClientHello (SDP a=setup:passive, our answer to a browser's actpass).</summary>
    Server,
}
