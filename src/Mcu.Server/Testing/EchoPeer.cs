using Mcu.Rtp;
using Mcu.Rtp.Rtcp;
using Mcu.Sdp;
using Mcu.WebRtc;

namespace Mcu.Server.Testing;

/// <summary>
/// Sends every RTP stream a peer sends straight back on the matching stream of our answer
/// (its SSRC rewritten to ours), and turns the peer's keyframe requests about our video into
/// requests for its own. A test endpoint that proves a WebRTC stack interoperates with our
/// transport end to end: if the browser decodes its own echoed media, ICE, DTLS, SRTP and RTP
/// all work both ways.
/// </summary>
internal sealed class EchoPeer : IPeerSessionObserver
{
    private readonly Route? _audio;
    private readonly Route? _video;
    private readonly byte[] _rtcp = new byte[256];
    private uint _remoteVideoSsrc;

    public EchoPeer(NegotiatedSession negotiated)
    {
        foreach (var media in negotiated.Media)
        {
            if (!media.Sending || media.Codec is null || media.LocalTrack is null)
            {
                continue;
            }
            var route = new Route((byte)media.Codec.PayloadType, (byte?)media.RtxPayloadType, media.LocalTrack.Ssrc, media.LocalTrack.RtxSsrc);
            if (media.Kind == MediaKind.Audio)
            {
                _audio ??= route;
            }
            else if (media.Kind == MediaKind.Video)
            {
                _video ??= route;
            }
        }
    }

    public long AudioPacketsEchoed { get; private set; }

    public long VideoPacketsEchoed { get; private set; }

    public long KeyframeRequestsForwarded { get; private set; }

    public void OnStateChanged(PeerSession session, PeerState state)
    {
    }

    public void OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length)
    {
        if (!RtpPacket.TryParse(buffer[..length], out var packet))
        {
            return;
        }
        var payloadType = packet.PayloadType;
        if (_audio is { } audio && payloadType == audio.PayloadType)
        {
            if (RtpRewriter.TrySetSsrc(buffer, audio.Ssrc) && session.SendRtp(buffer, length))
            {
                AudioPacketsEchoed++;
            }
            return;
        }
        if (_video is not { } video)
        {
            return;
        }
        uint? ssrc = payloadType == video.PayloadType ? video.Ssrc
            : payloadType == video.RtxPayloadType ? video.RtxSsrc
            : null;
        if (ssrc is null)
        {
            return;
        }
        if (payloadType == video.PayloadType)
        {
            _remoteVideoSsrc = packet.Ssrc;
        }
        if (RtpRewriter.TrySetSsrc(buffer, ssrc.Value) && session.SendRtp(buffer, length))
        {
            VideoPacketsEchoed++;
        }
    }

    public void OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound)
    {
        if (_video is not { } video || _remoteVideoSsrc == 0)
        {
            return;
        }
        var reader = new RtcpCompoundReader(compound);
        var wantsKeyframe = false;
        while (reader.TryReadNext(out var rtcp))
        {
            if (rtcp.Kind == RtcpPacketKind.PictureLossIndication
                && PictureLossIndication.TryParse(rtcp.Data, out var pli) && pli.MediaSsrc == video.Ssrc)
            {
                wantsKeyframe = true;
            }
            else if (rtcp.Kind == RtcpPacketKind.FullIntraRequest && FullIntraRequest.TryParse(rtcp.Data, out var fir))
            {
                for (var i = 0; i < fir.EntryCount; i++)
                {
                    wantsKeyframe |= fir.GetEntry(i).Ssrc == video.Ssrc;
                }
            }
        }
        // Our video is the peer's own: its keyframe must come from the peer's encoder.
        if (wantsKeyframe && PictureLossIndication.TryWrite(_rtcp, video.Ssrc, _remoteVideoSsrc, out var written)
            && session.SendRtcp(_rtcp, written))
        {
            KeyframeRequestsForwarded++;
        }
    }

    private sealed record Route(byte PayloadType, byte? RtxPayloadType, uint Ssrc, uint? RtxSsrc);
}
