namespace Mcu.Rtp.Rtcp;

/// <summary>One DLRR sub-block (RFC 3611 section 4.5): receiver SSRC, its last RRTR (LRR) and delay since (DLRR, 1/65536 s).</summary>
public readonly record struct DlrrSubBlock(uint Ssrc, uint LastReceiverReport, uint DelaySinceLastReceiverReport);
