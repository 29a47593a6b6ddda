namespace Mcu.Rtp.Rtcp;

/// <summary>PLI (PSFB FMT 1, RFC 4585 section 6.3.1): no FCI; asks the media sender for a decoder refresh.</summary>
public readonly ref struct PictureLossIndication
{
    public const int Format = 1;
    public const int Size = FeedbackHeader.Length;

    private PictureLossIndication(uint senderSsrc, uint mediaSsrc)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
    }

    public uint SenderSsrc { get; }

    public uint MediaSsrc { get; }

    /// <summary>The RFC fixes the length at 2 words; longer packets are tolerated and the extra bytes ignored.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out PictureLossIndication pli)
    {
        pli = default;
        if (!FeedbackHeader.TryGetFci(packet, RtcpPacketType.PayloadFeedback, Format, out var sender, out var media, out _))
        {
            return false;
        }
        pli = new PictureLossIndication(sender, media);
        return true;
    }

    public static bool TryWrite(Span<byte> destination, uint senderSsrc, uint mediaSsrc, out int written)
    {
        written = 0;
        if (destination.Length < Size)
        {
            return false;
        }
        FeedbackHeader.Write(destination, RtcpPacketType.PayloadFeedback, Format, Size, senderSsrc, mediaSsrc);
        written = Size;
        return true;
    }
}
