namespace Mcu.Rtp.Streams;

/// <summary>A receiver's negotiated RTX stream (RFC 4588): its SSRC, payload type and random initial sequence number.</summary>
public readonly record struct RtxParameters(uint Ssrc, byte PayloadType, ushort InitialSequenceNumber);
