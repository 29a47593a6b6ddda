using System.Diagnostics;
using Mcu.Media.Native;
using Mcu.Rtp;
using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;
using Mcu.Rtp.Vp8;
using Mcu.Sdp;
using Mcu.WebRtc;

namespace Mcu.Client.Receiving;

/// <summary>
/// Decodes what the server sends the bot, on the connection's loop: VP8 through the frame
/// assembler and decoder into a snapshot, Opus into a capture ring; asks for a keyframe (PLI,
/// at most every 500 ms) when a picture cannot be completed, and passes on the server's keyframe
/// requests for our own video.
/// </summary>
internal sealed class MediaReceiver : IPeerSessionObserver, IDisposable
{
    private static readonly TimeSpan PliInterval = TimeSpan.FromMilliseconds(500);

    private readonly NegotiatedMedia? _audio;
    private readonly NegotiatedMedia? _video;
    private readonly Action _keyframeRequested;
    private readonly Vp8FrameAssembler _assembler = new();
    private readonly Vp8Decoder _vp8 = new();
    private readonly OpusDecoder _opus = new();
    private readonly byte[] _frame;
    private readonly byte[] _unwrapped = new byte[1500];
    private readonly short[] _pcm = new short[5760];
    private readonly byte[] _rtcp = new byte[1500];
    private readonly uint _feedbackSsrc;
    private readonly double _simulatedLoss;
    private readonly Random _loss = new(1234);
    private NackGenerator? _nack;
    private long _retransmissionsReceived;
    private long _packetsDroppedOnPurpose;
    private TimeSpan _lastPli;
    private bool _pliSent;
    private long _videoFramesDecoded;
    private long _audioFramesDecoded;
    private long _keyframeRequestsSent;
    private readonly SyncPoint _audioSync = new();
    private readonly SyncPoint _videoSync = new();
    private readonly bool _decode;
    private readonly FirstArrivals _firstArrivals = new();
    private volatile ProbePoint? _probe;
    private long _videoFramesReceived;
    private long _audioPacketsReceived;

    public MediaReceiver(NegotiatedMedia? audio, NegotiatedMedia? video, Action keyframeRequested, double simulatedVideoLoss = 0, bool decode = true)
    {
        _decode = decode;
        _simulatedLoss = simulatedVideoLoss;
        _audio = audio;
        _video = video;
        _keyframeRequested = keyframeRequested;
        _frame = new byte[_assembler.MaxFrameLength];
        _feedbackSsrc = video?.LocalTrack?.Ssrc ?? audio?.LocalTrack?.Ssrc ?? (uint)Random.Shared.Next(1, int.MaxValue);
    }

    public VideoSnapshot Video { get; } = new();

    public AudioCapture Audio { get; } = new(48_000 * 4);

    public long VideoFramesDecoded => Interlocked.Read(ref _videoFramesDecoded);

    public long AudioFramesDecoded => Interlocked.Read(ref _audioFramesDecoded);

    public long KeyframeRequestsSent => Interlocked.Read(ref _keyframeRequestsSent);

    /// <summary>Complete video frames reassembled, decoded or not.</summary>
    public long VideoFramesReceived => Interlocked.Read(ref _videoFramesReceived);

    /// <summary>Audio packets received, decoded or not.</summary>
    public long AudioPacketsReceived => Interlocked.Read(ref _audioPacketsReceived);

    /// <summary>For each decoded picture once <see cref="SetProbe"/> was called: when its first packet arrived, and the packed colour at the probe point.</summary>
    public TimedValueLog ProbedFrames { get; } = new(8192);

    /// <summary>Notes the colour at this point (fractions of width and height) of every decoded picture from now on.</summary>
    public void SetProbe(double fx, double fy) => _probe = new ProbePoint(fx, fy);

    /// <summary>Video packets recovered through RTX after a NACK.</summary>
    public long RetransmissionsReceived => Interlocked.Read(ref _retransmissionsReceived);

    /// <summary>Video packets dropped by <see cref="MediaBotOptions.SimulatedVideoLoss"/>.</summary>
    public long PacketsDroppedOnPurpose => Interlocked.Read(ref _packetsDroppedOnPurpose);

    public void OnStateChanged(PeerSession session, PeerState state)
    {
    }

    public void OnRtp(PeerSession session, TimeSpan now, Span<byte> buffer, int length)
    {
        var datagram = buffer[..length];
        if (!RtpPacket.TryParse(datagram, out var packet))
        {
            return;
        }
        var payloadType = packet.PayloadType;
        if (_audio?.Codec is { } audioCodec && payloadType == audioCodec.PayloadType)
        {
            _audioSync.OnPacket(packet.Ssrc, packet.Timestamp);
            Interlocked.Increment(ref _audioPacketsReceived);
            if (_decode && _opus.TryDecode(packet.Payload, _pcm, out var samples))
            {
                Audio.Append(_pcm.AsSpan(0, samples));
                Interlocked.Increment(ref _audioFramesDecoded);
            }
            return;
        }
        if (_video?.Codec is not { } videoCodec)
        {
            return;
        }
        if (payloadType == _video.RtxPayloadType)
        {
            if (!RtxPacket.TryUnwrap(datagram, _unwrapped, (byte)videoCodec.PayloadType, RemoteVideoSsrc, out var unwrappedLength)
                || !RtpPacket.TryParse(_unwrapped.AsSpan(0, unwrappedLength), out packet))
            {
                return;
            }
            Interlocked.Increment(ref _retransmissionsReceived);
        }
        else if (payloadType != videoCodec.PayloadType)
        {
            return;
        }
        else if (_simulatedLoss > 0 && _loss.NextDouble() < _simulatedLoss)
        {
            Interlocked.Increment(ref _packetsDroppedOnPurpose);
            return;
        }
        if (_simulatedLoss > 0)
        {
            _nack ??= new NackGenerator(_feedbackSsrc, packet.Ssrc);
            _nack.OnPacket(now, packet.SequenceNumber);
            if (_nack.TryWriteNack(now, _rtcp, out var nackLength) && nackLength > 0)
            {
                session.SendRtcp(_rtcp, nackLength);
            }
        }
        if (payloadType == videoCodec.PayloadType)
        {
            _videoSync.OnPacket(packet.Ssrc, packet.Timestamp);
            if (_probe is not null)
            {
                _firstArrivals.OnPacket(packet.Timestamp);
            }
        }
        _assembler.Insert(packet.SequenceNumber, packet.Timestamp, packet.Marker, packet.Payload);
        var mediaSsrc = packet.Ssrc;
        while (_assembler.TryTakeFrame(_frame, out var frame))
        {
            Interlocked.Increment(ref _videoFramesReceived);
            if (!_decode)
            {
                continue;
            }
            var status = _vp8.Decode(_frame.AsSpan(0, frame.Length), out var picture);
            if (status == Vp8DecodeStatus.Decoded)
            {
                Video.Store(picture);
                Interlocked.Increment(ref _videoFramesDecoded);
                if (_probe is { } probe && _firstArrivals.TryGet(frame.Timestamp, out var arrival))
                {
                    ProbedFrames.Add(arrival, PictureSampler.Pack(PictureSampler.Sample(picture, probe.X, probe.Y)));
                }
            }
            else if (status is Vp8DecodeStatus.Corrupted or Vp8DecodeStatus.Rejected)
            {
                RequestKeyframe(session, now, mediaSsrc);
            }
        }
        if (_assembler.NeedsKeyframe)
        {
            RequestKeyframe(session, now, mediaSsrc);
        }
    }

    public void OnRtcp(PeerSession session, TimeSpan now, ReadOnlySpan<byte> compound)
    {
        var ours = _video?.LocalTrack;
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var rtcp))
        {
            if (rtcp.Kind == RtcpPacketKind.SenderReport && SenderReport.TryParse(rtcp.Data, out var report))
            {
                var info = report.Info;
                _audioSync.OnSenderReport(info.Ssrc, info.NtpTimestamp.ToDateTime(), info.RtpTimestamp);
                _videoSync.OnSenderReport(info.Ssrc, info.NtpTimestamp.ToDateTime(), info.RtpTimestamp);
            }
            else if (ours is null)
            {
                continue;
            }
            else if (rtcp.Kind == RtcpPacketKind.PictureLossIndication && PictureLossIndication.TryParse(rtcp.Data, out var pli) && pli.MediaSsrc == ours.Ssrc)
            {
                _keyframeRequested();
            }
            else if (rtcp.Kind == RtcpPacketKind.FullIntraRequest && FullIntraRequest.TryParse(rtcp.Data, out var fir))
            {
                for (var i = 0; i < fir.EntryCount; i++)
                {
                    if (fir.GetEntry(i).Ssrc == ours.Ssrc)
                    {
                        _keyframeRequested();
                    }
                }
            }
        }
    }

    /// <summary>
    /// How long after its capture time (by the sender's RTCP reports) the last packet of a kind
    /// arrived. Audio and video with the same value play in sync: a browser lines them up this way.
    /// </summary>
    public bool TryGetCaptureToArrival(MediaKind kind, out TimeSpan delay) =>
        kind == MediaKind.Audio
            ? _audioSync.TryGetDelay(_audio?.Codec?.ClockRate ?? 48_000, out delay)
            : _videoSync.TryGetDelay(_video?.Codec?.ClockRate ?? 90_000, out delay);

    private uint RemoteVideoSsrc => _video is { RemoteSources.Count: > 0 } ? _video.RemoteSources[0].Ssrc : 0;

    public void Dispose()
    {
        _vp8.Dispose();
        _opus.Dispose();
        Video.Dispose();
    }

    private void RequestKeyframe(PeerSession session, TimeSpan now, uint mediaSsrc)
    {
        if (_pliSent && now - _lastPli < PliInterval)
        {
            return;
        }
        _pliSent = true;
        _lastPli = now;
        if (PictureLossIndication.TryWrite(_rtcp, _feedbackSsrc, mediaSsrc, out var written) && session.SendRtcp(_rtcp, written))
        {
            Interlocked.Increment(ref _keyframeRequestsSent);
        }
    }

    private sealed record ProbePoint(double X, double Y);

    /// <summary>When the first packet of each of the last few RTP timestamps arrived (loop thread only).</summary>
    private sealed class FirstArrivals
    {
        private readonly uint[] _timestamps = new uint[8];
        private readonly long[] _arrivals = new long[8];
        private int _next;

        public void OnPacket(uint timestamp)
        {
            if (TryGet(timestamp, out _))
            {
                return; // a later packet of a frame already seen
            }
            _timestamps[_next] = timestamp;
            _arrivals[_next] = Stopwatch.GetTimestamp();
            _next = (_next + 1) % _timestamps.Length;
        }

        public bool TryGet(uint timestamp, out long arrival)
        {
            for (var i = 0; i < _timestamps.Length; i++)
            {
                if (_arrivals[i] != 0 && _timestamps[i] == timestamp)
                {
                    arrival = _arrivals[i];
                    return true;
                }
            }
            arrival = 0;
            return false;
        }
    }

    /// <summary>The last sender report and the last packet of one stream (loop thread writes, any thread reads).</summary>
    private sealed class SyncPoint
    {
        private readonly Lock _lock = new();
        private uint _ssrc;
        private DateTime _reportNtp;
        private uint _reportRtp;
        private bool _hasReport;
        private uint _packetRtp;
        private DateTime _packetArrival;
        private bool _hasPacket;

        public void OnPacket(uint ssrc, uint timestamp)
        {
            lock (_lock)
            {
                _ssrc = ssrc;
                _packetRtp = timestamp;
                _packetArrival = DateTime.UtcNow;
                _hasPacket = true;
            }
        }

        public void OnSenderReport(uint ssrc, DateTime ntp, uint rtp)
        {
            lock (_lock)
            {
                if (_hasPacket && ssrc == _ssrc)
                {
                    _reportNtp = ntp;
                    _reportRtp = rtp;
                    _hasReport = true;
                }
            }
        }

        public bool TryGetDelay(int clockRate, out TimeSpan delay)
        {
            lock (_lock)
            {
                delay = default;
                if (!_hasReport || !_hasPacket)
                {
                    return false;
                }
                var capture = _reportNtp + TimeSpan.FromSeconds(unchecked((int)(_packetRtp - _reportRtp)) / (double)clockRate);
                delay = _packetArrival - capture;
                return true;
            }
        }
    }
}
