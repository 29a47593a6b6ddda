using System.Diagnostics.CodeAnalysis;
using System.Text;
using Mcu.Rtp.Rtcp;

namespace Mcu.Rtp.Streams;

/// <summary>
/// The regular RTCP of one peer: writes compound reports (SR per sending SSRC or an RR, report blocks about the
/// peer's SSRCs, SDES CNAME, optionally REMB) when <see cref="Scheduler"/> says so, and reads the peer's compound
/// RTCP into the statistics and an <see cref="IRtcpFeedbackHandler"/>.
/// </summary>
/// <remarks>
/// Streams are registered when negotiated, not per packet. All our SSRCs toward the peer share one compound
/// (RFC 8108): the report blocks ride in the first SR (or RR), with extra RRs right after it past 31 sources, and
/// every reporting SSRC gets its CNAME in its own SDES packet (RFC 3550 6.1 lets packet types repeat).
/// </remarks>
public sealed class RtcpReporter
{
    private readonly List<SendStatistics> _sendStreams = new();
    private readonly List<ReceiveStatistics> _receiveStreams = new();
    private readonly byte[] _canonicalName;
    private readonly ReportBlock[] _blocks = new ReportBlock[ReceiverReport.MaxReportBlocks];

    /// <param name="localSsrc">Our SSRC in RRs and feedback while we send nothing to this peer.</param>
    /// <param name="canonicalName">Our CNAME: the same for every peer and stream of a room so they lip-sync together.</param>
    /// <param name="scheduler">When reports are due.</param>
    public RtcpReporter(uint localSsrc, string canonicalName, RtcpScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(canonicalName);
        ArgumentNullException.ThrowIfNull(scheduler);
        _canonicalName = Encoding.UTF8.GetBytes(canonicalName);
        if (_canonicalName.Length is 0 or > SourceDescription.MaxItemLength)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(canonicalName));
        }
        LocalSsrc = localSsrc;
        Scheduler = scheduler;
    }

    public uint LocalSsrc { get; }

    public RtcpScheduler Scheduler { get; }

    /// <summary>When set (goog-remb negotiated with a publisher), each report carries its estimate for all the peer's SSRCs.</summary>
    public RembGenerator? Remb { get; set; }

    public long ReportsSent { get; private set; }

    public long CompoundsReceived { get; private set; }

    /// <summary>Malformed packets in received compounds (counted and skipped).</summary>
    public long MalformedPackets { get; private set; }

    /// <summary>Report blocks received about SSRCs we do not send to this peer.</summary>
    public long UnknownReportBlocks { get; private set; }

    public int SendStreamCount => _sendStreams.Count;

    public int ReceiveStreamCount => _receiveStreams.Count;

    public void AddSendStream(SendStatistics stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (TryGetSendStream(stream.Ssrc, out _))
        {
            ThrowHelper.Argument("The SSRC is already registered.", nameof(stream));
        }
        _sendStreams.Add(stream);
    }

    public bool RemoveSendStream(uint ssrc)
    {
        for (var i = 0; i < _sendStreams.Count; i++)
        {
            if (_sendStreams[i].Ssrc == ssrc)
            {
                _sendStreams.RemoveAt(i);
                return true;
            }
        }
        return false;
    }

    public bool TryGetSendStream(uint ssrc, [NotNullWhen(true)] out SendStatistics? stream)
    {
        foreach (var candidate in _sendStreams)
        {
            if (candidate.Ssrc == ssrc)
            {
                stream = candidate;
                return true;
            }
        }
        stream = null;
        return false;
    }

    public void AddReceiveStream(ReceiveStatistics stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (TryGetReceiveStream(stream.Ssrc, out _))
        {
            ThrowHelper.Argument("The SSRC is already registered.", nameof(stream));
        }
        _receiveStreams.Add(stream);
    }

    public bool RemoveReceiveStream(uint ssrc)
    {
        for (var i = 0; i < _receiveStreams.Count; i++)
        {
            if (_receiveStreams[i].Ssrc == ssrc)
            {
                _receiveStreams.RemoveAt(i);
                return true;
            }
        }
        return false;
    }

    public bool TryGetReceiveStream(uint ssrc, [NotNullWhen(true)] out ReceiveStatistics? stream)
    {
        foreach (var candidate in _receiveStreams)
        {
            if (candidate.Ssrc == ssrc)
            {
                stream = candidate;
                return true;
            }
        }
        stream = null;
        return false;
    }

    /// <summary>Bytes the next report needs, REMB included.</summary>
    public int GetReportSize() => GetMandatorySize(out _, out _) + GetRembSize();

    /// <summary>
    /// Writes the compound report for (<paramref name="now"/>, <paramref name="utcNow"/>), read together by the
    /// caller, and schedules the next one. False, with nothing written or consumed, when even the reports and
    /// SDES do not fit; REMB is left out when only it does not fit.
    /// </summary>
    public bool TryWriteReport(TimeSpan now, DateTime utcNow, Span<byte> destination, out int written)
    {
        written = 0;
        if (!TryWriteReports(now, utcNow, destination, ref written, out var reporterSsrc))
        {
            return false;
        }
        var remb = Remb;
        if (remb is not null && _receiveStreams.Count > 0)
        {
            long expected = 0, received = 0;
            foreach (var stream in _receiveStreams)
            {
                expected += stream.ExpectedPackets;
                received += stream.PacketsReceived;
            }
            remb.Update(now, expected, received);
            if (GetRembSize() <= destination.Length - written)
            {
                Span<uint> ssrcs = stackalloc uint[Math.Min(_receiveStreams.Count, byte.MaxValue)];
                for (var i = 0; i < ssrcs.Length; i++)
                {
                    ssrcs[i] = _receiveStreams[i].Ssrc;
                }
                ReceiverEstimatedMaxBitrate.TryWrite(destination[written..], reporterSsrc, remb.Bitrate, ssrcs, out var rembLength);
                written += rembLength;
            }
        }
        ReportsSent++;
        Scheduler.OnReportSent(now);
        return true;
    }

    /// <summary>A final report followed by BYE for every SSRC we used toward this peer (RFC 3550 6.6).</summary>
    public bool TryWriteGoodbye(TimeSpan now, DateTime utcNow, Span<byte> destination, ReadOnlySpan<byte> reason, out int written)
    {
        written = 0;
        var count = Math.Max(1, _sendStreams.Count);
        if (count > Goodbye.MaxSources || reason.Length > Goodbye.MaxReasonLength ||
            GetMandatorySize(out _, out _) + Goodbye.GetSize(count, reason.Length) > destination.Length ||
            !TryWriteReports(now, utcNow, destination, ref written, out _))
        {
            return false;
        }
        Span<uint> ssrcs = stackalloc uint[count];
        if (_sendStreams.Count == 0)
        {
            ssrcs[0] = LocalSsrc;
        }
        for (var i = 0; i < _sendStreams.Count; i++)
        {
            ssrcs[i] = _sendStreams[i].Ssrc;
        }
        Goodbye.TryWrite(destination[written..], ssrcs, reason, out var byeLength);
        written += byeLength;
        ReportsSent++;
        return true;
    }

    /// <summary>
    /// Reads a decrypted compound from the peer: SRs update the matching <see cref="ReceiveStatistics"/> (for LSR/DLSR),
    /// report blocks about our SSRCs update <see cref="SendStatistics"/> (RTT, loss), and feedback goes to
    /// <paramref name="handler"/>. Malformed packets are counted and skipped.
    /// </summary>
    public void HandleCompound(TimeSpan now, DateTime utcNow, ReadOnlySpan<byte> compound, IRtcpFeedbackHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CompoundsReceived++;
        var arrival = NtpTimestamp.FromDateTime(utcNow).Middle32;
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var packet))
        {
            switch (packet.Kind)
            {
                case RtcpPacketKind.SenderReport when SenderReport.TryParse(packet.Data, out var sr):
                    var info = sr.Info;
                    if (TryGetReceiveStream(info.Ssrc, out var source))
                    {
                        source.OnSenderReport(now, info);
                    }
                    HandleReportBlocks(now, arrival, sr.ReportBlocks, handler);
                    break;
                case RtcpPacketKind.ReceiverReport when ReceiverReport.TryParse(packet.Data, out var rr):
                    HandleReportBlocks(now, arrival, rr.ReportBlocks, handler);
                    break;
                case RtcpPacketKind.GenericNack when GenericNack.TryParse(packet.Data, out var nack):
                    handler.OnNack(nack);
                    break;
                case RtcpPacketKind.PictureLossIndication when PictureLossIndication.TryParse(packet.Data, out var pli):
                    handler.OnKeyframeRequest(pli.MediaSsrc, KeyframeRequestMethod.PictureLossIndication, pli.SenderSsrc, 0);
                    break;
                case RtcpPacketKind.FullIntraRequest when FullIntraRequest.TryParse(packet.Data, out var fir):
                    for (var i = 0; i < fir.EntryCount; i++)
                    {
                        var entry = fir.GetEntry(i);
                        handler.OnKeyframeRequest(entry.Ssrc, KeyframeRequestMethod.FullIntraRequest, fir.SenderSsrc, entry.SequenceNumber);
                    }
                    break;
                case RtcpPacketKind.ReceiverEstimatedMaxBitrate when ReceiverEstimatedMaxBitrate.TryParse(packet.Data, out var remb):
                    handler.OnRemb(remb);
                    break;
                case RtcpPacketKind.Goodbye when Goodbye.TryParse(packet.Data, out var bye):
                    for (var i = 0; i < bye.SsrcCount; i++)
                    {
                        handler.OnGoodbye(bye.GetSsrc(i));
                    }
                    break;
            }
        }
        MalformedPackets += reader.MalformedCount;
    }

    private void HandleReportBlocks(TimeSpan now, uint arrival, ReportBlockList blocks, IRtcpFeedbackHandler handler)
    {
        foreach (var block in blocks)
        {
            if (TryGetSendStream(block.Ssrc, out var stream))
            {
                stream.OnReceptionReport(now, block, arrival, out _);
                handler.OnReceptionReport(stream, block);
            }
            else
            {
                UnknownReportBlocks++;
            }
        }
    }

    private int GetRembSize() =>
        Remb is null || _receiveStreams.Count == 0 ? 0 : ReceiverEstimatedMaxBitrate.GetSize(Math.Min(_receiveStreams.Count, byte.MaxValue));

    /// <summary>Size of the reports and SDES packets; also counts the sources to report and our sending SSRCs.</summary>
    private int GetMandatorySize(out int reported, out int sending)
    {
        reported = 0;
        foreach (var stream in _receiveStreams)
        {
            reported += stream.HasReceived ? 1 : 0;
        }
        sending = 0;
        foreach (var stream in _sendStreams)
        {
            sending += stream.IsSending ? 1 : 0;
        }
        var firstBlocks = Math.Min(reported, ReceiverReport.MaxReportBlocks);
        var extraBlocks = reported - firstBlocks;
        var extraPackets = (extraBlocks + ReceiverReport.MaxReportBlocks - 1) / ReceiverReport.MaxReportBlocks;
        var sdes = SourceDescription.GetCanonicalNameSize(_canonicalName.Length);
        var size = sending == 0
            ? ReceiverReport.GetSize(firstBlocks) + sdes
            : SenderReport.GetSize(firstBlocks) + ((sending - 1) * SenderReport.GetSize(0)) + (sending * sdes);
        return size + (extraPackets * ReceiverReport.GetSize(0)) + (extraBlocks * ReportBlock.Size);
    }

    private bool TryWriteReports(TimeSpan now, DateTime utcNow, Span<byte> destination, ref int written, out uint reporterSsrc)
    {
        reporterSsrc = LocalSsrc;
        if (GetMandatorySize(out var reported, out var sending) > destination.Length - written)
        {
            return false;
        }
        var blocks = _blocks.AsSpan();
        var writer = new RtcpCompoundWriter(destination[written..]);
        var next = 0;
        var count = NextReportBlocks(now, blocks, ref next);
        if (sending == 0)
        {
            writer.TryAddReceiverReport(LocalSsrc, blocks[..count]);
        }
        else
        {
            var first = true;
            foreach (var stream in _sendStreams)
            {
                if (stream.IsSending)
                {
                    if (first)
                    {
                        reporterSsrc = stream.Ssrc;
                    }
                    writer.TryAddSenderReport(stream.CreateSenderInfo(now, utcNow), first ? blocks[..count] : default);
                    first = false;
                }
            }
        }
        // RFC 3550 6.4: sources beyond the first 31 go in further RRs right after the first report.
        while (next < _receiveStreams.Count)
        {
            count = NextReportBlocks(now, blocks, ref next);
            if (count > 0)
            {
                writer.TryAddReceiverReport(reporterSsrc, blocks[..count]);
            }
        }
        if (sending == 0)
        {
            writer.TryAddCanonicalName(LocalSsrc, _canonicalName);
        }
        foreach (var stream in _sendStreams)
        {
            if (stream.IsSending)
            {
                writer.TryAddCanonicalName(stream.Ssrc, _canonicalName);
            }
        }
        written += writer.Length;
        return true;
    }

    /// <summary>Fills up to 31 blocks from the receive streams at and after <paramref name="next"/> that have data.</summary>
    private int NextReportBlocks(TimeSpan now, Span<ReportBlock> blocks, ref int next)
    {
        var count = 0;
        while (next < _receiveStreams.Count && count < blocks.Length)
        {
            var stream = _receiveStreams[next++];
            if (stream.HasReceived)
            {
                blocks[count++] = stream.CreateReportBlock(now);
            }
        }
        return count;
    }
}
