namespace Mcu.Sdp;

/// <summary>Answers offers as the MCU does: ICE-lite, BUNDLE with rtcp-mux, Opus audio and VP8 (+ RTX) video only,
/// DTLS passive unless the offerer insists on being passive itself. Each m= section is negotiated on its own and
/// rejected (port 0, with a reason) when unusable; an offer with no usable section throws <see cref="SdpException"/>.</summary>
public sealed class SdpAnswerer
{
    private readonly SdpAnswerOptions _options;
    private readonly string[] _audioExtensions;
    private readonly string[] _videoExtensions;
    private readonly RtcpFeedbackKinds _audioFeedback;
    private readonly RtcpFeedbackKinds _videoFeedback;

    /// <summary>Creates an answerer; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public SdpAnswerer(SdpAnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _audioExtensions = options.EnableTransportCc
            ? [RtpExtensionUris.Mid, RtpExtensionUris.SsrcAudioLevel, RtpExtensionUris.AbsSendTime, RtpExtensionUris.TransportWideCc]
            : [RtpExtensionUris.Mid, RtpExtensionUris.SsrcAudioLevel, RtpExtensionUris.AbsSendTime];
        _videoExtensions = options.EnableTransportCc
            ? [RtpExtensionUris.Mid, RtpExtensionUris.AbsSendTime, RtpExtensionUris.TransportWideCc]
            : [RtpExtensionUris.Mid, RtpExtensionUris.AbsSendTime];
        RtcpFeedbackKinds transportCc = options.EnableTransportCc ? RtcpFeedbackKinds.TransportCc : RtcpFeedbackKinds.None;
        _audioFeedback = transportCc;
        _videoFeedback = RtcpFeedbackKinds.Nack | RtcpFeedbackKinds.NackPli | RtcpFeedbackKinds.CcmFir | RtcpFeedbackKinds.GoogRemb | transportCc;
    }

    /// <summary>Parses and answers an offer given as text.</summary>
    public SdpAnswer CreateAnswer(string offer) => CreateAnswer(new SdpParser(_options.Limits).Parse(offer));

    /// <summary>Parses and answers an offer given as a UTF-8 HTTP body.</summary>
    public SdpAnswer CreateAnswer(ReadOnlySpan<byte> offer) => CreateAnswer(new SdpParser(_options.Limits).Parse(offer));

    /// <summary>Answers a parsed offer.</summary>
    public SdpAnswer CreateAnswer(SessionDescription offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (offer.Media.Count == 0)
        {
            throw new SdpException("the offer has no m= sections; there is nothing to answer.");
        }

        SdpGroup? bundle = offer.BundleGroup;
        var plans = new List<SectionPlan>(offer.Media.Count);
        bool anyAccepted = false;
        for (int i = 0; i < offer.Media.Count; i++)
        {
            SectionPlan plan = Evaluate(offer.Media[i], i, bundle);
            if (plan.Accepted && bundle is null && anyAccepted)
            {
                // RFC 8843 forbids adding a BUNDLE group the offer did not propose, and the MCU has one transport.
                plan.Reject("the offer has no BUNDLE group and the MCU uses a single transport; only the first usable m= section is accepted.");
            }

            anyAccepted |= plan.Accepted;
            plans.Add(plan);
        }

        List<SectionPlan> bundled = BundleOrder(plans, bundle);
        if (bundled.Count == 0)
        {
            throw new SdpException("no m= section of the offer can be accepted: " + DescribeRejections(plans));
        }

        var warnings = new List<string>();
        PlanDirections(offer, plans);
        var extensionIds = new BundleExtensionIds(warnings);
        foreach (SectionPlan plan in plans)
        {
            if (plan.Accepted)
            {
                (plan.Extensions, plan.DroppedExtensions) = extensionIds.Negotiate(
                    plan.Offered, plan.Index, plan.Offered.Kind == MediaKind.Audio ? _audioExtensions : _videoExtensions, reverseDirections: true);
            }
        }

        SectionPlan tag = bundled[0];
        var transportSources = new List<MediaDescription> { tag.Offered };
        if (bundle is { Mids.Count: > 0 } && offer.FindMedia(bundle.Mids[0]) is { } offererTag && offererTag != tag.Offered)
        {
            transportSources.Add(offererTag);
        }

        RemoteTransport remote = RemoteTransport.Read(offer, transportSources, "offer");
        (DtlsSetup setup, DtlsRole role) = remote.Setup switch
        {
            DtlsSetup.Passive => (DtlsSetup.Active, DtlsRole.Client),
            DtlsSetup.HoldConn => throw new SdpException("the offer has a=setup:holdconn; DTLS-SRTP needs actpass, active or passive (RFC 5763 §5)."),

            // actpass, active, or absent (RFC 4145 §4: the default is active): we wait for the ClientHello.
            _ => (DtlsSetup.Passive, DtlsRole.Server),
        };

        bool allowMixed = offer.ExtmapAllowMixed || bundled.Exists(plan => plan.Offered.ExtmapAllowMixed);
        SessionDescription answer = WriteAnswer(offer, plans, bundle is null ? null : bundled, tag, setup);
        return new SdpAnswer(answer, remote.ToSession(offer.IceLite, role, tag, plans, allowMixed, warnings));
    }

    private static bool IsSecureRtp(string protocol) =>
        protocol.EndsWith("RTP/SAVPF", StringComparison.Ordinal) || protocol.EndsWith("RTP/SAVP", StringComparison.Ordinal);

    /// <summary>Accepted sections in the order of the offer's BUNDLE group, so that the offerer's tagged section stays
    /// the tag when we accept it (RFC 8843); without a group, the single accepted section.</summary>
    private static List<SectionPlan> BundleOrder(List<SectionPlan> plans, SdpGroup? bundle)
    {
        var ordered = new List<SectionPlan>();
        if (bundle is null)
        {
            ordered.AddRange(plans.FindAll(plan => plan.Accepted));
            return ordered;
        }

        foreach (string mid in bundle.Mids)
        {
            SectionPlan? plan = plans.Find(candidate => candidate.Accepted && candidate.Offered.Mid == mid);
            if (plan is not null && !ordered.Contains(plan))
            {
                ordered.Add(plan);
            }
        }

        return ordered;
    }

    private static string DescribeRejections(List<SectionPlan> plans)
    {
        var parts = new List<string>(plans.Count);
        foreach (SectionPlan plan in plans)
        {
            parts.Add($"{BundleExtensionIds.Describe(plan.Offered, plan.Index)}: {plan.RejectionReason}");
        }

        return string.Join(" ", parts);
    }

    private SectionPlan Evaluate(MediaDescription offered, int index, SdpGroup? bundle)
    {
        var plan = new SectionPlan(index, offered);
        MediaPolicy policy = offered.Kind == MediaKind.Video ? _options.Video : _options.Audio;
        if (offered.Kind == MediaKind.Application)
        {
            plan.Reject("data channels (m=application) are not supported.");
        }
        else if (offered.Kind == MediaKind.Other)
        {
            plan.Reject($"media type '{offered.MediaType}' is not supported.");
        }
        else if (offered.IsDisabled)
        {
            plan.Reject("the offer disabled it (port 0 without a=bundle-only).");
        }
        else if (bundle is not null && (offered.Mid is null || !bundle.Contains(offered.Mid)))
        {
            plan.Reject("it is not in the offer's BUNDLE group and the MCU uses a single transport.");
        }
        else if (!IsSecureRtp(offered.Protocol))
        {
            plan.Reject($"transport '{offered.Protocol}' is not supported; DTLS-SRTP (UDP/TLS/RTP/SAVPF) is required.");
        }
        else if (!offered.RtcpMux)
        {
            plan.Reject("a=rtcp-mux is required: the MCU multiplexes RTP and RTCP on one port (RFC 5761, RFC 8843).");
        }
        else if (!policy.Send && !policy.Receive)
        {
            plan.Reject($"{offered.MediaType} is disabled on this endpoint.");
        }
        else if (offered.Kind == MediaKind.Audio)
        {
            ChooseOpus(plan);
        }
        else
        {
            ChooseVp8(plan);
        }

        plan.RtcpReducedSize = offered.RtcpRsize;
        return plan;
    }

    private void ChooseOpus(SectionPlan plan)
    {
        if (CodecSelection.FindOpus(plan.Offered) is not { } opus)
        {
            plan.Reject($"no Opus codec was offered (offered: {CodecSelection.DescribeOffered(plan.Offered)}); the MCU only mixes Opus audio.");
            return;
        }

        SdpFmtp? remote = plan.Offered.FindFmtp(opus.PayloadType);
        plan.Codec = opus with { Channels = 2 };
        plan.LocalParameters = CodecSelection.OpusLocalParameters(remote);
        plan.RemoteParameters = remote?.Parameters;
        plan.Feedback = RtcpFeedbacks.Offered(plan.Offered, opus.PayloadType) & _audioFeedback;
    }

    private void ChooseVp8(SectionPlan plan)
    {
        if (CodecSelection.FindVp8(plan.Offered) is not { } vp8)
        {
            plan.Reject($"no VP8 codec was offered (offered: {CodecSelection.DescribeOffered(plan.Offered)}); the MCU only decodes and encodes VP8 video.");
            return;
        }

        plan.Codec = vp8;
        plan.RemoteParameters = plan.Offered.FindFmtp(vp8.PayloadType)?.Parameters;
        plan.RtxPayloadType = CodecSelection.FindRtx(plan.Offered, vp8.PayloadType);
        plan.Feedback = RtcpFeedbacks.Offered(plan.Offered, vp8.PayloadType) & _videoFeedback;
    }

    /// <summary>RFC 3264 §6.1: we may only send where the offer receives and only receive where it sends; sending
    /// also needs a local track, handed out in order per kind.</summary>
    private void PlanDirections(SessionDescription offer, List<SectionPlan> plans)
    {
        int nextAudio = 0;
        int nextVideo = 0;
        foreach (SectionPlan plan in plans)
        {
            if (!plan.Accepted)
            {
                continue;
            }

            MediaDirection offered = plan.Offered.Direction ?? offer.Direction ?? MediaDirection.SendRecv;
            bool video = plan.Offered.Kind == MediaKind.Video;
            MediaPolicy policy = video ? _options.Video : _options.Audio;
            IReadOnlyList<LocalTrack> tracks = video ? _options.VideoTracks : _options.AudioTracks;
            ref int next = ref video ? ref nextVideo : ref nextAudio;
            if (policy.Send && offered.Receives() && next < tracks.Count)
            {
                plan.Track = tracks[next++];
            }

            plan.Direction = MediaDirections.From(plan.Track is not null, policy.Receive && offered.Sends());
        }
    }

    private SessionDescription WriteAnswer(SessionDescription offer, List<SectionPlan> plans, List<SectionPlan>? bundled, SectionPlan tag, DtlsSetup setup)
    {
        var answer = new SessionDescription
        {
            Origin = SdpOrigin.Create(_options.SessionId, 1),
            IceLite = true,
            ExtmapAllowMixed = offer.ExtmapAllowMixed,
            MsidSemantic = offer.MsidSemantic is null ? null : new SdpMsidSemantic("WMS", ["*"]),
        };
        if (bundled is not null)
        {
            answer.Groups.Add(new SdpGroup(SdpGroup.Bundle, bundled.ConvertAll(plan => plan.Offered.Mid!)));
        }

        foreach (SectionPlan plan in plans)
        {
            answer.Media.Add(plan.Accepted ? WriteSection(plan, plan == tag, setup) : LocalSectionWriter.Rejected(plan.Offered));
        }

        return answer;
    }

    private MediaDescription WriteSection(SectionPlan plan, bool isTag, DtlsSetup setup)
    {
        MediaDescription offered = plan.Offered;
        MediaDescription media = LocalSectionWriter.Create(offered.MediaType, offered.Protocol, _options.Transport, setup, offered.Mid);
        media.Direction = plan.Direction;
        media.RtcpRsize = offered.RtcpRsize;
        media.ExtmapAllowMixed = offered.ExtmapAllowMixed;
        media.Extmaps.AddRange(plan.Extensions);
        LocalSectionWriter.AddCodec(media, plan.Codec!, plan.LocalParameters, plan.Feedback);
        if (plan.RtxPayloadType is { } rtx)
        {
            LocalSectionWriter.AddRtx(media, rtx, plan.Codec!.PayloadType);
        }

        if (plan.Track is { } track)
        {
            LocalSectionWriter.AddTrack(media, track, withRtx: plan.RtxPayloadType is not null);
        }

        if (isTag)
        {
            LocalSectionWriter.AddCandidates(media, _options.Transport);
        }

        return media;
    }
}
