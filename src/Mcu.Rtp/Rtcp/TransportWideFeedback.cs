using System.Buffers.Binary;

namespace Mcu.Rtp.Rtcp;

/// <summary>
/// Transport-wide CC feedback (RTPFB FMT 15, draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1):
/// only the fixed part is read so the packet can be validated and skipped; see
/// <see cref="ReceiverEstimatedMaxBitrate"/> for why REMB is our estimate.
/// </summary>
public readonly ref struct TransportWideFeedback
{
    public const int Format = 15;

    private const int FixedFciLength = 8;

    private TransportWideFeedback(uint senderSsrc, uint mediaSsrc, ReadOnlySpan<byte> fci)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        BaseSequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(fci);
        PacketStatusCount = BinaryPrimitives.ReadUInt16BigEndian(fci[2..]);
        // 24-bit signed reference time in multiples of 64 ms, then an 8-bit feedback packet count.
        var word = BinaryPrimitives.ReadUInt32BigEndian(fci[4..]);
        ReferenceTime = TimeSpan.FromMilliseconds(64L * (((int)word) >> 8));
        FeedbackPacketCount = (byte)word;
        PacketChunksAndDeltas = fci[FixedFciLength..];
    }

    public uint SenderSsrc { get; }

    public uint MediaSsrc { get; }

    public ushort BaseSequenceNumber { get; }

    public ushort PacketStatusCount { get; }

    public TimeSpan ReferenceTime { get; }

    public byte FeedbackPacketCount { get; }

    /// <summary>The packet status chunks and receive deltas, not interpreted.</summary>
    public ReadOnlySpan<byte> PacketChunksAndDeltas { get; }

    public static bool TryParse(ReadOnlySpan<byte> packet, out TransportWideFeedback feedback)
    {
        feedback = default;
        if (!FeedbackHeader.TryGetFci(packet, RtcpPacketType.TransportFeedback, Format, out var sender, out var media, out var fci) ||
            fci.Length < FixedFciLength)
        {
            return false;
        }
        feedback = new TransportWideFeedback(sender, media, fci);
        return true;
    }
}
