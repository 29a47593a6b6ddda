using Mcu.Conference.Outbound;
using Mcu.Rtp;
using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;
using Mcu.Rtp.Vp8;
using Mcu.Sdp;
using Mcu.WebRtc;

namespace Mcu.Conference.Inbound;

/// <summary>
/// A member's media on its network loop: VP8 depacketized and handed to the decoder thread,
/// Opus queued for the room clock, NACKs and keyframe requests sent, RTCP reports both ways,
/// and the composite and the mix rewritten for this receiver. Loop thread only.
/// </summary>
internal sealed class MemberNetwork : IPeerSessionObserver, IRtcpFeedbackHandler
{
    private readonly RoomMember _member;
    private readonly byte[] _packet = new byte[1600];
    private readonly byte[] _rtcp = new byte[1500];
    private readonly Vp8FrameAssembler _assembler = new();
    private readonly byte[] _frame;
    private readonly RetransmissionLimiter _limiter = new(maxBitrate: 2_000_000, burst: TimeSpan.FromMilliseconds(250));
    private PeerSession? _session;
    private RoomLoopPart _part = null!;
    private RtcpReporter? _reporter;
    private ReceiveStatistics? _videoStatistics;
    private ReceiveStatistics? _audioStatistics;
    private NackGenerator? _nack;
    private KeyframeRequester? _keyframes;
    private OutboundBinding? _videoOut;
    private OutboundBinding? _audioOut;
    private int _audioLevelId;
    private bool _waitingForKeyframe = true;
    private long _lostReported;

    public MemberNetwork(RoomMember member)
    {
        _member = member;
        _frame = new byte[_assembler.MaxFrameLength];
    }

    public long VideoFramesReceived { get; private set; }

    public long KeyframeRequestsSent => _keyframes?.RequestsSent ?? 0;

    public long NacksSent => _nack?.NacksSent ?? 0;

    public long RetransmissionsServed => _limiter.PacketsServed;

    /// <summary>Joins the loop part that serves this member (loop thread).</summary>
    public void Attach(RoomLoopPart part, TimeSpan now)
    {
        _part = part;
        var room = _member.Room;
        var audio = _member.Audio;
        var video = _member.Video;
        var localSsrc = video?.LocalTrack?.Ssrc ?? audio?.LocalTrack?.Ssrc ?? (uint)Random.Shared.Next(1, int.MaxValue);
        _reporter = new RtcpReporter(localSsrc, "mcu", new RtcpScheduler(RtcpScheduler.VideoInterval, Random.Shared));
        if (_member.ReceivesVideo)
        {
            var track = video!.LocalTrack!;
            RtxParameters? rtx = video.RtxPayloadType is int rtxType && track.RtxSsrc is uint rtxSsrc
                ? new RtxParameters(rtxSsrc, (byte)rtxType, (ushort)Random.Shared.Next())
                : null;
            _videoOut = new OutboundBinding(track.Ssrc, (byte)video.Codec!.PayloadType, (ushort)Random.Shared.Next(), (uint)Random.Shared.Next(), room.VideoClock, rtx);
            _reporter.AddSendStream(_videoOut.Statistics);
        }
        if (_member.ReceivesAudio)
        {
            _audioOut = new OutboundBinding(audio!.LocalTrack!.Ssrc, (byte)audio.Codec!.PayloadType, (ushort)Random.Shared.Next(), (uint)Random.Shared.Next(), room.AudioClock);
            _reporter.AddSendStream(_audioOut.Statistics);
        }
        if (_member.PublishesVideo && (video!.Feedback & RtcpFeedbackKinds.GoogRemb) != 0)
        {
            // Browsers raise their send bitrate only as far as our estimate allows.
            _reporter.Remb = new RembGenerator(new RembOptions { TargetBitrate = (ulong)room.Options.VideoBitrateBps });
        }
        _audioLevelId = audio?.FindExtensionId(Mcu.Rtp.RtpExtensionUris.AudioLevel) ?? 0;
        _reporter.Scheduler.Start(now);
    }

    public void OnStateChanged(PeerSession session, PeerState state)
    {
        _session = session;
        if (state == PeerState.Connected)
        {
            _member.IsConnected = true;
            _member.Room.OnMemberConnected(_member);
        }
        else if (session.IsEnded)
        {
            _member.Room.OnMemberEnded(_member, session.CloseReason);
        }
    }

    public void OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length)
    {
        _session = session;
        if (!RtpPacket.TryParse(buffer[..length], out var packet))
        {
            return;
        }
        var payloadType = packet.PayloadType;
        if (_member.PublishesAudio && payloadType == _member.Audio!.Codec!.PayloadType)
        {
            OnAudio(now, packet);
        }
        else if (_member.PublishesVideo)
        {
            var video = _member.Video!;
            if (payloadType == video.Codec!.PayloadType)
            {
                OnVideo(session, now, packet, isRetransmission: false);
            }
            else if (payloadType == video.RtxPayloadType && _videoStatistics is not null
                && RtxPacket.TryUnwrap(buffer[..length], _packet, (byte)video.Codec.PayloadType, _videoStatistics.Ssrc, out var unwrapped)
                && RtpPacket.TryParse(_packet.AsSpan(0, unwrapped), out var original))
            {
                OnVideo(session, now, original, isRetransmission: true);
            }
        }
    }

    public void OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound)
    {
        _session = session;
        _reporter?.HandleCompound(now, DateTime.UtcNow, compound, this);
    }

    /// <summary>Every few milliseconds on the loop: reports, NACKs and keyframe requests that are due.</summary>
    public void OnTimer(TimeSpan now)
    {
        if (_session is not { State: PeerState.Connected } session || _reporter is null)
        {
            return;
        }
        if (_member.DecoderWantsKeyframe)
        {
            _member.DecoderWantsKeyframe = false;
            _keyframes?.Request();
        }
        if (_nack is not null && _nack.TryWriteNack(now, _rtcp, out var nackLength) && nackLength > 0)
        {
            session.SendRtcp(_rtcp, nackLength);
            ConferenceMetrics.NacksSent.Add(1);
        }
        if (_keyframes is not null && _keyframes.TryWrite(now, _rtcp, out var requestLength) && requestLength > 0)
        {
            session.SendRtcp(_rtcp, requestLength);
            ConferenceMetrics.KeyframeRequestsSent.Add(1);
        }
        if (_reporter.Scheduler.IsDue(now) && _reporter.TryWriteReport(now, DateTime.UtcNow, _rtcp, out var reportLength))
        {
            session.SendRtcp(_rtcp, reportLength);
            CountLoss();
        }
    }

    /// <summary>Sends one composite frame, rewritten for this receiver; a new receiver starts at a keyframe.</summary>
    public void SendVideo(TimeSpan now, OutgoingVideoFrame frame)
    {
        if (_videoOut is null || _session is not { State: PeerState.Connected } session)
        {
            return;
        }
        if (_waitingForKeyframe)
        {
            if (!frame.IsKeyframe)
            {
                return;
            }
            _waitingForKeyframe = false;
        }
        for (var i = 0; i < frame.Count; i++)
        {
            var source = frame.Packet(i);
            source.CopyTo(_packet);
            if (_videoOut.TryRewrite(now, _packet.AsSpan(0, source.Length)))
            {
                session.SendRtp(_packet, source.Length);
            }
        }
    }

    /// <summary>Sends this tick's audio: the member's own mix-minus if it has one, else the shared mix.</summary>
    public void SendAudio(TimeSpan now, ReadOnlySpan<byte> sourcePacket)
    {
        if (_audioOut is null || _session is not { State: PeerState.Connected } session || sourcePacket.IsEmpty)
        {
            return;
        }
        sourcePacket.CopyTo(_packet);
        if (_audioOut.TryRewrite(now, _packet.AsSpan(0, sourcePacket.Length)))
        {
            session.SendRtp(_packet, sourcePacket.Length);
        }
    }

    void IRtcpFeedbackHandler.OnReceptionReport(SendStatistics stream, in ReportBlock block)
    {
        if (stream.HasRoundTripTime)
        {
            _limiter.RoundTripTime = stream.RoundTripTime;
            if (_nack is not null)
            {
                _nack.RoundTripTime = stream.RoundTripTime;
            }
        }
    }

    void IRtcpFeedbackHandler.OnNack(GenericNack nack)
    {
        if (_videoOut is null || _session is not { State: PeerState.Connected } session || nack.MediaSsrc != _videoOut.Ssrc)
        {
            return;
        }
        var now = Primitives.MonotonicClock.Now;
        foreach (var sequenceNumber in nack.LostSequenceNumbers)
        {
            ConferenceMetrics.NacksReceived.Add(1);
            if (_part.VideoHistory.TryResend(now, sequenceNumber, _videoOut, _limiter, _packet, out var written) == RetransmissionResult.Sent)
            {
                session.SendRtp(_packet, written);
            }
        }
    }

    void IRtcpFeedbackHandler.OnKeyframeRequest(uint mediaSsrc, KeyframeRequestMethod method, uint requesterSsrc, byte firSequenceNumber)
    {
        if (_videoOut is not null && mediaSsrc == _videoOut.Ssrc)
        {
            ConferenceMetrics.KeyframeRequests.Add(1);
            _member.Room.RequestCompositeKeyframe(method, requesterSsrc, firSequenceNumber);
        }
    }

    void IRtcpFeedbackHandler.OnRemb(ReceiverEstimatedMaxBitrate remb)
    {
        if (_videoOut is not null)
        {
            _member.Room.OnReceiverEstimate(_member, remb.Bitrate);
        }
    }

    void IRtcpFeedbackHandler.OnGoodbye(uint ssrc)
    {
        // Leaving is signalled by DTLS close_notify, the API, or consent expiry; BYE alone proves nothing.
    }

    // Once per report: the loss our reports tell the member, added to the process-wide count.
    // Cumulative loss can shrink (late duplicates); only new highs are counted.
    private void CountLoss()
    {
        var lost = (_audioStatistics?.CumulativeLost ?? 0) + (_videoStatistics?.CumulativeLost ?? 0);
        if (lost > _lostReported)
        {
            ConferenceMetrics.PacketsLost.Add(lost - _lostReported);
            _lostReported = lost;
        }
    }

    private void OnAudio(TimeSpan now, RtpPacket packet)
    {
        if (_audioStatistics is null)
        {
            _audioStatistics = new ReceiveStatistics(packet.Ssrc, _member.Audio!.Codec!.ClockRate);
            _reporter!.AddReceiveStream(_audioStatistics);
        }
        else if (_audioStatistics.Ssrc != packet.Ssrc)
        {
            return; // one audio stream per member
        }
        _audioStatistics.OnPacket(now, packet);
        byte? level = null;
        if (_audioLevelId != 0 && packet.Extensions.TryFind(_audioLevelId, out var value)
            && AudioLevelExtension.TryRead(value, out _, out var dbov))
        {
            level = dbov;
        }
        _member.AudioPackets.TryEnqueue(packet.SequenceNumber, packet.Timestamp, now, packet.Payload, level);
    }

    private void OnVideo(PeerSession session, TimeSpan now, RtpPacket packet, bool isRetransmission)
    {
        if (_videoStatistics is null)
        {
            if (isRetransmission)
            {
                return;
            }
            var video = _member.Video!;
            _videoStatistics = new ReceiveStatistics(packet.Ssrc, video.Codec!.ClockRate);
            _reporter!.AddReceiveStream(_videoStatistics);
            var sender = _reporter.LocalSsrc;
            if ((video.Feedback & RtcpFeedbackKinds.Nack) != 0)
            {
                _nack = new NackGenerator(sender, packet.Ssrc);
            }
            var method = (video.Feedback & (RtcpFeedbackKinds.NackPli | RtcpFeedbackKinds.CcmFir)) == RtcpFeedbackKinds.CcmFir
                ? KeyframeRequestMethod.FullIntraRequest
                : KeyframeRequestMethod.PictureLossIndication;
            _keyframes = new KeyframeRequester(sender, packet.Ssrc, method);
        }
        else if (packet.Ssrc != _videoStatistics.Ssrc)
        {
            return; // one video stream per member (the first simulcast layer, when a sender insists)
        }
        if (!isRetransmission)
        {
            _videoStatistics.OnPacket(now, packet);
        }
        _nack?.OnPacket(now, packet.SequenceNumber);
        _assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
        while (_assembler.TryTakeFrame(_frame, out var frame))
        {
            VideoFramesReceived++;
            if (frame.IsKeyframe)
            {
                _keyframes?.OnKeyframeReceived();
            }
            _member.Room.Decoder.Enqueue(_member, _frame.AsSpan(0, frame.Length));
        }
        if (_nack is { KeyframeNeeded: true })
        {
            // NACK gave up on a packet: stop waiting for it and ask for a fresh picture instead.
            _nack.Clear();
            _assembler.SkipMissing();
            _keyframes?.Request();
        }
        else if (_assembler.NeedsKeyframe)
        {
            _keyframes?.Request();
        }
    }
}
