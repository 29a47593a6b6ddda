namespace Mcu.Sdp;

/// <summary>The working state of one m= section while an offer or answer is processed.</summary>
internal sealed class SectionPlan(int index, MediaDescription offered)
{
    public int Index { get; } = index;

    public MediaDescription Offered { get; } = offered;

    public string? RejectionReason { get; private set; }

    public bool Accepted => RejectionReason is null;

    public SdpRtpMap? Codec { get; set; }

    public string? LocalParameters { get; set; }

    public string? RemoteParameters { get; set; }

    public int? RtxPayloadType { get; set; }

    public RtcpFeedbackKinds Feedback { get; set; }

    public bool RtcpReducedSize { get; set; }

    public MediaDirection Direction { get; set; } = MediaDirection.Inactive;

    public LocalTrack? Track { get; set; }

    public List<SdpExtmap> Extensions { get; set; } = [];

    public List<SdpExtmap> DroppedExtensions { get; set; } = [];

    /// <summary>The section the peer wrote: the offer when we answer, the answer when we offered.</summary>
    public MediaDescription? Remote { get; set; }

    public void Reject(string reason) => RejectionReason = reason;

    public NegotiatedMedia ToNegotiated()
    {
        MediaDescription remote = Remote ?? Offered;
        bool accepted = Accepted;
        List<string> rids = accepted ? SendRids(remote) : [];
        return new NegotiatedMedia
        {
            Index = Index,
            Mid = Offered.Mid,
            Kind = Offered.Kind,
            RejectionReason = RejectionReason,
            Direction = accepted ? Direction : MediaDirection.Inactive,
            Codec = accepted && Codec is { } codec
                ? new NegotiatedCodec(codec.PayloadType, codec.EncodingName, codec.ClockRate, codec.Channels ?? 1)
                {
                    LocalParameters = LocalParameters,
                    RemoteParameters = RemoteParameters,
                }
                : null,
            RtxPayloadType = accepted ? RtxPayloadType : null,
            Feedback = accepted ? Feedback : RtcpFeedbackKinds.None,
            RtcpReducedSize = accepted && RtcpReducedSize,
            Extensions = accepted ? Extensions : [],
            DroppedExtensions = accepted ? DroppedExtensions : [],
            RemoteSources = accepted ? RemoteSource.Read(remote) : [],
            RemoteRids = rids,
            SelectedRid = rids.Count > 0 ? rids[0] : null,
            LocalTrack = accepted ? Track : null,
        };
    }

    /// <summary>The rids the peer sends: a=simulcast send order when present (RFC 8853: preference order), else
    /// a=rid order; only the first alternative of each stream counts.</summary>
    private static List<string> SendRids(MediaDescription remote)
    {
        var rids = new List<string>();
        if (remote.Simulcast is { Send.Count: > 0 } simulcast)
        {
            foreach (IReadOnlyList<SimulcastRid> stream in simulcast.Send)
            {
                if (stream.Count > 0 && !stream[0].Paused)
                {
                    rids.Add(stream[0].Id);
                }
            }

            return rids;
        }

        foreach (SdpRid rid in remote.Rids)
        {
            if (rid.Direction == RidDirection.Send)
            {
                rids.Add(rid.Id);
            }
        }

        return rids;
    }
}
