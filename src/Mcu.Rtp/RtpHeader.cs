namespace Mcu.Rtp;

/// <summary>The per-packet fields of an RTP fixed header to write (RFC 3550 section 5.1).</summary>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false);
