namespace Mcu.Sdp;

/// <summary>An RTP stream the peer announced with a=ssrc: SSRC, its RTX SSRC (a=ssrc-group:FID), CNAME and msid.</summary>
public sealed record RemoteSource(uint Ssrc, uint? RtxSsrc, string? Cname, string? StreamId, string? TrackId)
{
    /// <summary>The streams of one m= section: every SSRC that is not the second member of a FID group, in the order
    /// of a=ssrc-group:SIM when there is one (legacy simulcast, lowest layer first), else in a=ssrc order.</summary>
    internal static List<RemoteSource> Read(MediaDescription media)
    {
        var rtxOf = new Dictionary<uint, uint>();
        var repairs = new HashSet<uint>();
        var order = new List<uint>();
        foreach (SdpSsrcGroup group in media.SsrcGroups)
        {
            if (group.Semantics == SdpSsrcGroup.Fid && group.Ssrcs.Count >= 2)
            {
                rtxOf.TryAdd(group.Ssrcs[0], group.Ssrcs[1]);
                repairs.Add(group.Ssrcs[1]);
            }
            else if (group.Semantics == SdpSsrcGroup.Sim && order.Count == 0)
            {
                order.AddRange(group.Ssrcs);
            }
        }

        foreach (SdpSsrcLine line in media.Ssrcs)
        {
            if (!order.Contains(line.Ssrc))
            {
                order.Add(line.Ssrc);
            }
        }

        SdpMsid? sectionMsid = media.Msids.Count > 0 ? media.Msids[0] : null;
        var sources = new List<RemoteSource>();
        foreach (uint ssrc in order)
        {
            if (repairs.Contains(ssrc))
            {
                continue;
            }

            // RFC 8830 §2 moved msid to media level; Chromium still repeats it as "a=ssrc:N msid:stream track".
            string? streamId = sectionMsid?.StreamId;
            string? trackId = sectionMsid?.TrackId;
            if (media.FindSsrcAttribute(ssrc, "msid") is { } ssrcMsid)
            {
                (string stream, string track) = SdpToken.SplitFirst(ssrcMsid);
                streamId = stream;
                trackId = track.Length == 0 ? null : track;
            }

            sources.Add(new RemoteSource(
                ssrc,
                rtxOf.TryGetValue(ssrc, out uint rtx) ? rtx : null,
                media.FindSsrcAttribute(ssrc, "cname"),
                streamId,
                trackId));
        }

        return sources;
    }
}
