using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>One packet of a compound RTCP datagram: validated header, its bytes, and its kind.</summary>
public readonly ref struct RtcpPacket
{
    internal RtcpPacket(RtcpHeader header, ReadOnlySpan<byte> data)
    {
        Header = header;
        Data = data;
        Kind = Classify(header, data);
    }

    public RtcpHeader Header { get; }

    /// <summary>The whole packet, header and padding included; pass it to the type's TryParse.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The body after the header, padding excluded.</summary>
    public ReadOnlySpan<byte> Body => Data.Slice(RtcpHeader.Size, Header.BodyLength);

    public RtcpPacketKind Kind { get; }

    private static RtcpPacketKind Classify(RtcpHeader header, ReadOnlySpan<byte> data) => (RtcpPacketType)header.PacketType switch
    {
        RtcpPacketType.SenderReport => RtcpPacketKind.SenderReport,
        RtcpPacketType.ReceiverReport => RtcpPacketKind.ReceiverReport,
        RtcpPacketType.SourceDescription => RtcpPacketKind.SourceDescription,
        RtcpPacketType.Goodbye => RtcpPacketKind.Goodbye,
        RtcpPacketType.ApplicationDefined => RtcpPacketKind.ApplicationDefined,
        RtcpPacketType.ExtendedReport => RtcpPacketKind.ExtendedReport,
        RtcpPacketType.TransportFeedback => header.Count switch
        {
            GenericNack.Format => RtcpPacketKind.GenericNack,
            TransportWideFeedback.Format => RtcpPacketKind.TransportWideFeedback,
            _ => RtcpPacketKind.Unknown,
        },
        RtcpPacketType.PayloadFeedback => header.Count switch
        {
            PictureLossIndication.Format => RtcpPacketKind.PictureLossIndication,
            FullIntraRequest.Format => RtcpPacketKind.FullIntraRequest,
            ReceiverEstimatedMaxBitrate.Format when header.BodyLength >= 12 &&
                BinaryPrimitives.ReadUInt32BigEndian(data[(RtcpHeader.Size + 8)..]) == ReceiverEstimatedMaxBitrate.Identifier
                => RtcpPacketKind.ReceiverEstimatedMaxBitrate,
            _ => RtcpPacketKind.Unknown,
        },
        _ => RtcpPacketKind.Unknown,
    };

    /// <summary>Runs the type's full validation (every count and length inside the packet).</summary>
    internal bool IsWellFormed() => Kind switch
    {
        RtcpPacketKind.SenderReport => SenderReport.TryParse(Data, out _),
        RtcpPacketKind.ReceiverReport => ReceiverReport.TryParse(Data, out _),
        RtcpPacketKind.SourceDescription => SourceDescription.TryParse(Data, out _),
        RtcpPacketKind.Goodbye => Goodbye.TryParse(Data, out _),
        RtcpPacketKind.GenericNack => GenericNack.TryParse(Data, out _),
        RtcpPacketKind.TransportWideFeedback => TransportWideFeedback.TryParse(Data, out _),
        RtcpPacketKind.PictureLossIndication => PictureLossIndication.TryParse(Data, out _),
        RtcpPacketKind.FullIntraRequest => FullIntraRequest.TryParse(Data, out _),
        RtcpPacketKind.ReceiverEstimatedMaxBitrate => ReceiverEstimatedMaxBitrate.TryParse(Data, out _),
        RtcpPacketKind.ExtendedReport => ExtendedReport.TryParse(Data, out _),
        _ => true,
    };
}
