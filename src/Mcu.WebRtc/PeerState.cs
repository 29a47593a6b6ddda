namespace Mcu.WebRtc;

/// <summary>Where a peer session is in its life.</summary>
public enum PeerState
{
    /// <summary>Created; no valid connectivity check yet.</summary>
    New,

    /// <summary>ICE has a validated address; the DTLS handshake is under way.</summary>
    Securing,

    /// <summary>DTLS done and SRTP keyed: media flows both ways.</summary>
    Connected,

    /// <summary>Ended on purpose (hang-up, close_notify).</summary>
    Closed,

    /// <summary>Ended by a failure (ICE timeout or consent loss, DTLS failure, fingerprint mismatch).</summary>
    Failed,
}
