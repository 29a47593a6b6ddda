namespace Mcu.Dtls;

/// <summary>The life cycle of a <see cref="DtlsEndpoint"/>.</summary>
public enum DtlsState
{
    /// <summary>Constructed; <see cref="DtlsEndpoint.Start"/> not called yet.</summary>
    New,

    /// <summary>Exchanging flights, or waiting for the remote fingerprint to accept a finished handshake.</summary>
    Handshaking,

    /// <summary>Handshake complete and the peer certificate matches the remote fingerprint: SRTP keys are available.</summary>
    Connected,

    /// <summary>Ended by an error, a fatal alert or the retransmission limit; see <see cref="DtlsEndpoint.FailureReason"/>.</summary>
    Failed,

    /// <summary>Ended by close_notify, ours or the peer's.</summary>
    Closed,
}
