using System.Globalization;

namespace Mcu.Sdp;

/// <summary>Our client role: builds an offer (actpass, BUNDLE, rtcp-mux, Opus audio, VP8 + RTX video) and reads
/// the answer into the same <see cref="NegotiatedSession"/> shape the answerer produces.</summary>
public sealed class SdpOfferer
{
    /// <summary>Header extension ids in the offer; one numbering for both sections keeps them distinct under BUNDLE.</summary>
    private const int MidId = 1;
    private const int AudioLevelId = 2;
    private const int AbsSendTimeId = 3;
    private const int TransportCcId = 4;

    private readonly SdpOfferOptions _options;

    /// <summary>Builds the offer; throws <see cref="ArgumentException"/> when the options are invalid.</summary>
    public SdpOfferer(SdpOfferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Offer = BuildOffer();
        Sdp = SdpSerializer.Serialize(Offer);
    }

    /// <summary>The offer as a model.</summary>
    public SessionDescription Offer { get; }

    /// <summary>The offer as SDP text (CRLF line endings).</summary>
    public string Sdp { get; }

    /// <summary>Parses and applies an answer given as text.</summary>
    public NegotiatedSession AcceptAnswer(string answer) => AcceptAnswer(new SdpParser(_options.Limits).Parse(answer));

    /// <summary>Applies a parsed answer; throws <see cref="SdpException"/> when it does not fit the offer.</summary>
    public NegotiatedSession AcceptAnswer(SessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Media.Count != Offer.Media.Count)
        {
            throw new SdpException(string.Create(
                CultureInfo.InvariantCulture,
                $"the answer has {answer.Media.Count} m= sections but the offer had {Offer.Media.Count} (RFC 3264 §6)."));
        }

        var plans = new List<SectionPlan>(Offer.Media.Count);
        var warnings = new List<string>();
        var extensionIds = new BundleExtensionIds(warnings);
        for (int i = 0; i < Offer.Media.Count; i++)
        {
            SectionPlan plan = ReadSection(answer, i);
            if (plan.Accepted)
            {
                (plan.Extensions, plan.DroppedExtensions) = extensionIds.Negotiate(
                    answer.Media[i], i, OfferedUris(Offer.Media[i]), reverseDirections: true);
            }

            plans.Add(plan);
        }

        SectionPlan tag = FindTag(answer, plans);
        RemoteTransport remote = RemoteTransport.Read(answer, [answer.Media[tag.Index]], "answer");
        DtlsRole role = remote.Setup switch
        {
            DtlsSetup.Passive => DtlsRole.Client,
            DtlsSetup.ActPass or DtlsSetup.HoldConn => throw new SdpException(
                $"the answer has a=setup:{remote.Setup.Value.ToSdpName()}; an answer must say active or passive (RFC 5763 §5)."),

            // active, or absent (RFC 4145 §4: the default is active): the answerer sends the ClientHello.
            _ => DtlsRole.Server,
        };

        return remote.ToSession(answer.IceLite, role, tag, plans, extmapAllowMixed: false, warnings);
    }

    private static string[] OfferedUris(MediaDescription offered)
    {
        var uris = new string[offered.Extmaps.Count];
        for (int i = 0; i < uris.Length; i++)
        {
            uris[i] = offered.Extmaps[i].Uri;
        }

        return uris;
    }

    /// <summary>The first mid of the answer's BUNDLE group names the section carrying the transport (RFC 8843).</summary>
    private static SectionPlan FindTag(SessionDescription answer, List<SectionPlan> plans)
    {
        if (answer.BundleGroup is { } group)
        {
            foreach (string mid in group.Mids)
            {
                if (plans.Find(plan => plan.Offered.Mid == mid) is null)
                {
                    throw new SdpException($"the answer's BUNDLE group names mid '{SdpText.Excerpt(mid)}', which the offer does not have.");
                }
            }

            if (group.Mids.Count > 0 && plans.Find(plan => plan.Offered.Mid == group.Mids[0]) is { Accepted: true } tagged)
            {
                return tagged;
            }
        }

        return plans.Find(plan => plan.Accepted) ?? throw new SdpException("the answer rejected every m= section.");
    }

    private SessionDescription BuildOffer()
    {
        var offer = new SessionDescription { Origin = SdpOrigin.Create(_options.SessionId, 1) };
        offer.Groups.Add(new SdpGroup(SdpGroup.Bundle, ["0", "1"]));
        RtcpFeedbackKinds transportCc = _options.EnableTransportCc ? RtcpFeedbackKinds.TransportCc : RtcpFeedbackKinds.None;

        MediaDescription audio = LocalSectionWriter.Create("audio", "UDP/TLS/RTP/SAVPF", _options.Transport, DtlsSetup.ActPass, "0");
        audio.Direction = MediaDirections.From(_options.AudioTrack is not null, _options.ReceiveAudio);
        audio.RtcpRsize = true;
        AddExtensions(audio, includeAudioLevel: true);
        LocalSectionWriter.AddCodec(
            audio,
            new SdpRtpMap(_options.OpusPayloadType, CodecSelection.Opus, CodecSelection.OpusClockRate, 2),
            CodecSelection.OpusLocalParameters(null),
            transportCc);
        if (_options.AudioTrack is { } audioTrack)
        {
            LocalSectionWriter.AddTrack(audio, audioTrack, withRtx: false);
        }

        LocalSectionWriter.AddCandidates(audio, _options.Transport);
        offer.Media.Add(audio);

        MediaDescription video = LocalSectionWriter.Create("video", "UDP/TLS/RTP/SAVPF", _options.Transport, DtlsSetup.ActPass, "1");
        video.Direction = MediaDirections.From(_options.VideoTrack is not null, _options.ReceiveVideo);
        video.RtcpRsize = true;
        AddExtensions(video, includeAudioLevel: false);
        LocalSectionWriter.AddCodec(
            video,
            new SdpRtpMap(_options.Vp8PayloadType, CodecSelection.Vp8, CodecSelection.VideoClockRate),
            null,
            RtcpFeedbackKinds.Nack | RtcpFeedbackKinds.NackPli | RtcpFeedbackKinds.CcmFir | RtcpFeedbackKinds.GoogRemb | transportCc);
        LocalSectionWriter.AddRtx(video, _options.RtxPayloadType, _options.Vp8PayloadType);
        if (_options.VideoTrack is { } videoTrack)
        {
            LocalSectionWriter.AddTrack(video, videoTrack, withRtx: true);
        }

        offer.Media.Add(video);
        return offer;
    }

    private void AddExtensions(MediaDescription media, bool includeAudioLevel)
    {
        media.Extmaps.Add(new SdpExtmap(MidId, RtpExtensionUris.Mid));
        if (includeAudioLevel)
        {
            media.Extmaps.Add(new SdpExtmap(AudioLevelId, RtpExtensionUris.SsrcAudioLevel));
        }

        media.Extmaps.Add(new SdpExtmap(AbsSendTimeId, RtpExtensionUris.AbsSendTime));
        if (_options.EnableTransportCc)
        {
            media.Extmaps.Add(new SdpExtmap(TransportCcId, RtpExtensionUris.TransportWideCc));
        }
    }

    private SectionPlan ReadSection(SessionDescription answer, int index)
    {
        MediaDescription ours = Offer.Media[index];
        MediaDescription theirs = answer.Media[index];
        string section = BundleExtensionIds.Describe(ours, index);
        if (theirs.MediaType != ours.MediaType)
        {
            throw new SdpException($"the answer's {section} is '{SdpText.Excerpt(theirs.MediaType)}' (RFC 3264 §6 keeps the offer's media types).");
        }

        if (theirs.Mid is not null && theirs.Mid != ours.Mid)
        {
            throw new SdpException($"the answer's {section} has mid '{SdpText.Excerpt(theirs.Mid)}'; the offer's is '{ours.Mid}'.");
        }

        var plan = new SectionPlan(index, ours) { Remote = theirs };
        if (theirs.Port == 0)
        {
            plan.Reject("the answer rejected it (port 0).");
            return plan;
        }

        if (!theirs.RtcpMux)
        {
            throw new SdpException($"the answer's {section} lacks a=rtcp-mux, which the offer requires (RFC 5761).");
        }

        foreach (string format in theirs.Formats)
        {
            if (!ours.Formats.Contains(format))
            {
                throw new SdpException($"the answer's {section} uses payload type {SdpText.Excerpt(format)}, which the offer did not list (RFC 3264 §6.1).");
            }
        }

        SdpRtpMap codec = ours.RtpMaps[0];
        string codecFormat = codec.PayloadType.ToString(CultureInfo.InvariantCulture);
        if (!theirs.Formats.Contains(codecFormat))
        {
            plan.Reject($"the answer did not accept {codec.EncodingName}.");
            return plan;
        }

        plan.Codec = codec;
        plan.LocalParameters = ours.FindFmtp(codec.PayloadType)?.Parameters;
        plan.RemoteParameters = theirs.FindFmtp(codec.PayloadType)?.Parameters;
        plan.Feedback = RtcpFeedbacks.Offered(theirs, codec.PayloadType) & RtcpFeedbacks.Offered(ours, codec.PayloadType);
        plan.RtcpReducedSize = theirs.RtcpRsize && ours.RtcpRsize;
        if (ours.Kind == MediaKind.Video && theirs.Formats.Contains(_options.RtxPayloadType.ToString(CultureInfo.InvariantCulture)))
        {
            plan.RtxPayloadType = _options.RtxPayloadType;
        }

        // The answer's direction is the answerer's view; ours is its reverse, within what we offered.
        MediaDirection reversed = (theirs.Direction ?? answer.Direction ?? MediaDirection.SendRecv).Reverse();
        MediaDirection offered = ours.Direction ?? MediaDirection.SendRecv;
        plan.Direction = MediaDirections.From(reversed.Sends() && offered.Sends(), reversed.Receives() && offered.Receives());
        plan.Track = plan.Direction.Sends() ? (ours.Kind == MediaKind.Audio ? _options.AudioTrack : _options.VideoTrack) : null;
        return plan;
    }
}
