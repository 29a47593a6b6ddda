namespace Mcu.Rtp.Rtcp;

/// <summary>One FIR FCI entry: the media sender asked to refresh, and the request's command sequence number.</summary>
public readonly record struct FirEntry(uint Ssrc, byte SequenceNumber);
