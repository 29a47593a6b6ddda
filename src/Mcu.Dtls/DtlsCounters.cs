namespace Mcu.Dtls;

/// <summary>What an endpoint dropped or repeated, by reason; malformed input is counted here, never thrown.</summary>
public sealed class DtlsCounters
{
    /// <summary>Records or handshake fragments whose headers or lengths do not parse; the rest of such a datagram or record is dropped.</summary>
    public long MalformedRecords { get; internal set; }

    /// <summary>Epoch-1 records whose sequence number was already seen or is left of the window (RFC 6347 section 4.1.2.6).</summary>
    public long ReplayedRecords { get; internal set; }

    /// <summary>Epoch-1 records that failed AES-GCM authentication.</summary>
    public long UndecryptableRecords { get; internal set; }

    /// <summary>Records of an epoch we no longer or not yet read, beyond what the early-record queue holds.</summary>
    public long UnexpectedEpochRecords { get; internal set; }

    /// <summary>Application data records: we run no data channel.</summary>
    public long ApplicationDataRecords { get; internal set; }

    /// <summary>Handshake fragments of messages already processed (the peer retransmitted).</summary>
    public long DuplicateHandshakeFragments { get; internal set; }

    /// <summary>Fragments too far ahead of the next expected message or inconsistent with earlier fragments of it.</summary>
    public long DroppedHandshakeFragments { get; internal set; }

    /// <summary>ChangeCipherSpec or handshake messages arriving when no such message can be accepted, and unknown content types.</summary>
    public long UnexpectedMessages { get; internal set; }

    /// <summary>Warning alerts other than close_notify, which are ignored.</summary>
    public long WarningAlerts { get; internal set; }

    /// <summary>New handshakes the peer tried after completion, refused with no_renegotiation.</summary>
    public long RenegotiationAttempts { get; internal set; }

    /// <summary>Datagrams that arrived after the endpoint failed or closed, or before a client started.</summary>
    public long IgnoredDatagrams { get; internal set; }

    /// <summary>Flights we sent again, on timeout or because the peer repeated its previous flight.</summary>
    public long Retransmissions { get; internal set; }

    /// <summary>All records dropped for any reason.</summary>
    public long DroppedRecords =>
        MalformedRecords + ReplayedRecords + UndecryptableRecords + UnexpectedEpochRecords + ApplicationDataRecords + UnexpectedMessages;
}
