namespace Mcu.Rtp.Rtcp;

/// <summary>The sender information section of an SR (RFC 3550 section 6.4.1).</summary>
public readonly record struct SenderInfo(uint Ssrc, NtpTimestamp NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount);
