namespace Mcu.Sdp;

/// <summary>Which side of the DTLS handshake this endpoint plays, decided by a=setup (RFC 5763 §5).</summary>
public enum DtlsRole
{
    /// <summary>Waits for the ClientHello (this side answered or was told a=setup:passive).</summary>
    Server,

    /// <summary>Sends the ClientHello.</summary>
    Client,
}
