namespace Mcu.Rtp.Rtcp;

/// <summary>
/// Assembles a compound RTCP datagram packet by packet into one caller buffer (e.g. SR+SDES, RR+SDES+PLI).
/// Each TryAdd leaves the buffer unchanged and returns false when the packet does not fit.
/// </summary>
public ref struct RtcpCompoundWriter
{
    private readonly Span<byte> _buffer;

    public RtcpCompoundWriter(Span<byte> buffer)
    {
        _buffer = buffer;
    }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<byte> Written => _buffer[..Length];

    private readonly Span<byte> Free => _buffer[Length..];

    public bool TryAddSenderReport(in SenderInfo info, ReadOnlySpan<ReportBlock> blocks) =>
        Advance(SenderReport.TryWrite(Free, info, blocks, out var n), n);

    public bool TryAddReceiverReport(uint ssrc, ReadOnlySpan<ReportBlock> blocks) =>
        Advance(ReceiverReport.TryWrite(Free, ssrc, blocks, out var n), n);

    public bool TryAddCanonicalName(uint ssrc, ReadOnlySpan<byte> cname) =>
        Advance(SourceDescription.TryWriteCanonicalName(Free, ssrc, cname, out var n), n);

    public bool TryAddGoodbye(ReadOnlySpan<uint> ssrcs, ReadOnlySpan<byte> reason) =>
        Advance(Goodbye.TryWrite(Free, ssrcs, reason, out var n), n);

    public bool TryAddNack(uint senderSsrc, uint mediaSsrc, ReadOnlySpan<ushort> lost) =>
        Advance(GenericNack.TryWrite(Free, senderSsrc, mediaSsrc, lost, out var n), n);

    public bool TryAddPictureLossIndication(uint senderSsrc, uint mediaSsrc) =>
        Advance(PictureLossIndication.TryWrite(Free, senderSsrc, mediaSsrc, out var n), n);

    public bool TryAddFullIntraRequest(uint senderSsrc, ReadOnlySpan<FirEntry> entries) =>
        Advance(FullIntraRequest.TryWrite(Free, senderSsrc, entries, out var n), n);

    public bool TryAddRemb(uint senderSsrc, ulong bitrate, ReadOnlySpan<uint> ssrcs) =>
        Advance(ReceiverEstimatedMaxBitrate.TryWrite(Free, senderSsrc, bitrate, ssrcs, out var n), n);

    public bool TryAddReceiverReferenceTime(uint ssrc, NtpTimestamp timestamp) =>
        Advance(ExtendedReport.TryWriteReceiverReferenceTime(Free, ssrc, timestamp, out var n), n);

    public bool TryAddDlrr(uint ssrc, ReadOnlySpan<DlrrSubBlock> subBlocks) =>
        Advance(ExtendedReport.TryWriteDlrr(Free, ssrc, subBlocks, out var n), n);

    private bool Advance(bool ok, int written)
    {
        if (ok)
        {
            Length += written;
        }
        return ok;
    }
}
