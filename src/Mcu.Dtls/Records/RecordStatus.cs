namespace Mcu.Dtls.Records;

/// <summary>What the record layer made of an incoming record.</summary>
internal enum RecordStatus
{
    /// <summary>Plaintext available.</summary>
    Opened,

    /// <summary>A plaintext fragment longer than TLS allows.</summary>
    Malformed,

    /// <summary>Epoch 1 while we still read epoch 0: the peer's ChangeCipherSpec was lost or reordered.</summary>
    NextEpoch,

    /// <summary>An epoch we no longer read, or one that never exists.</summary>
    WrongEpoch,

    /// <summary>Sequence number already seen or left of the window.</summary>
    Replayed,

    /// <summary>AES-GCM authentication failed.</summary>
    AuthenticationFailed,
}
