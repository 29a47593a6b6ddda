namespace Mcu.Rtp.Vp8;

/// <summary>
/// The outcome of inserting one packet. When the packet jumped ahead of the newest one seen,
/// <see cref="MissingCount"/> sequence numbers starting at <see cref="FirstMissing"/> are newly missing:
/// candidates for a NACK.
/// </summary>
public readonly record struct Vp8InsertResult(Vp8InsertStatus Status, ushort FirstMissing, int MissingCount);
