using Mcu.Compositor.Layouts;
using Mcu.Conference.Audio;
using Mcu.Conference.Clock;
using Mcu.Conference.Outbound;
using Mcu.Conference.Video;
using Mcu.Primitives;
using Mcu.Rtp.Streams;
using Mcu.Sdp;
using Mcu.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using IceCredentials = Mcu.Stun.Ice.IceCredentials;

namespace Mcu.Conference;

/// <summary>
/// One conference: its members, its clock (audio every 20 ms, video every 1/fps), its decoder
/// thread, and the compositor, mixer and encoders behind them. Members join with an SDP offer
/// and get an answer; everything after that runs on the room's threads and the network loops.
/// A member's failure, a stalled sender or a broken frame affects that member only.
/// </summary>
public sealed partial class Room : IDisposable
{
    private static readonly TimeSpan AudioPeriod = TimeSpan.FromMilliseconds(20);

    // Numbers the rooms of this process for TickPhases: each new room ticks at its own phase.
    private static long _roomsCreated;

    private readonly IMediaEndpoint _media;
    private readonly LayoutCatalog? _layouts;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly BandwidthEstimateAggregator _bandwidth;
    private readonly AudioEngine _audio;
    private readonly VideoEngine _video;
    private readonly RoomClock _clock;
    private RoomMember[] _members = [];
    private RoomLoopPart[] _parts = [];
    private IRoomMediaTap[] _taps = [];
    private long _reportedAudioMissed;
    private long _reportedVideoMissed;
    private int _nextId;
    private long _tickErrors;
    private volatile string _layoutName;
    private volatile bool _disposed;

    public Room(string name, RoomOptions options, IMediaEndpoint media, LayoutCatalog? layouts = null, ILogger? logger = null)
        : this(name, options, media, layouts, logger, ownThreads: true)
    {
    }

    /// <param name="ownThreads">
    /// False gives the room no threads of its own: its clock stays stopped and its decoder has no
    /// thread, so the caller decodes with <see cref="DecoderWorker.DecodeQueued"/> and ticks with
    /// <see cref="TickVideo"/> on its own thread (benchmarks measuring the room's work back to back
    /// and single-threaded, like the references; tests that want no timing).
    /// </param>
    internal Room(string name, RoomOptions options, IMediaEndpoint media, LayoutCatalog? layouts, ILogger? logger, bool ownThreads)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(media);
        options.Validate();
        Name = name;
        Options = options;
        _media = media;
        _layouts = layouts;
        _logger = logger ?? NullLogger.Instance;
        _layoutName = options.DefaultLayout;
        Keyframes = new KeyframeRequestDebouncer(options.KeyframeMinInterval);
        _bandwidth = new BandwidthEstimateAggregator(new BandwidthEstimateOptions
        {
            FloorBitrate = options.MinVideoBitrateBps,
            CeilingBitrate = options.VideoBitrateBps,
            StartBitrate = options.VideoBitrateBps,
        });
        Decoder = new DecoderWorker($"mcu-room-decode-{name}", ownThreads);
        _audio = new AudioEngine(this, options.SpeakerMinimumHold);
        _video = new VideoEngine(this, options);
        var videoPeriod = TimeSpan.FromSeconds(1.0 / options.FrameRate);
        var start = TickPhases.Origin(MonotonicClock.Now, videoPeriod, Interlocked.Increment(ref _roomsCreated) - 1);
        VideoClock = new RtpClockMapping(start, 0, 90_000);
        AudioClock = new RtpClockMapping(start, 0, 48_000);
        _clock = new RoomClock($"mcu-room-clock-{name}", start, AudioPeriod, videoPeriod,
            AudioTick, VideoTick, OnTickError);
        if (ownThreads)
        {
            _clock.Begin();
        }
    }

    public string Name { get; }

    public RoomOptions Options { get; }

    /// <summary>Members, speaker or layout changed (raised on whichever thread noticed).</summary>
    public event EventHandler? Changed;

    /// <summary>The layout or layout group the room asks for.</summary>
    public string LayoutName => _layoutName;

    public int? ActiveSpeakerId => _audio.Speaker;

    public int MemberCount => Volatile.Read(ref _members).Length;

    public bool IsEmpty => MemberCount == 0;

    public IReadOnlyList<MemberInfo> Members
    {
        get
        {
            var speaker = _audio.Speaker;
            return Array.ConvertAll(Volatile.Read(ref _members), m => new MemberInfo(
                m.Id, m.Name, m.Kind, m.PublishesAudio, m.PublishesVideo, m.Muted, m.Id == speaker, m.IsConnected));
        }
    }

    public RoomStatistics Statistics => new(
        MemberCount,
        _video.FramesEncoded,
        _video.KeyframesEncoded,
        _video.BitrateBps,
        _audio.Ticks,
        _clock.Audio.Missed,
        _clock.Video.Missed,
        Decoder.FramesDecoded,
        Decoder.FramesDropped,
        Decoder.FramesFailed,
        Interlocked.Read(ref _tickErrors));

    /// <summary>Taps (the recorder) that receive the composite and the full mix.</summary>
    internal IRoomMediaTap[] Taps => Volatile.Read(ref _taps);

    internal RtpClockMapping VideoClock { get; }

    internal RtpClockMapping AudioClock { get; }

    internal DecoderWorker Decoder { get; }

    /// <summary>Collapses keyframe requests into at most one per interval; lock it to use it.</summary>
    internal KeyframeRequestDebouncer Keyframes { get; }

    /// <summary>
    /// Joins with an SDP offer. A participant sends and receives, a publisher only sends, a
    /// viewer only receives. Throws <see cref="SdpException"/> for an unusable offer and
    /// <see cref="ConferenceException"/> when the room refuses.
    /// </summary>
    public async Task<JoinResult> JoinAsync(string offer, string? displayName, MemberKind kind)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(offer);
        if (MemberCount >= Options.MaxMembers)
        {
            throw new ConferenceException(ConferenceError.RoomFull, $"Room '{Name}' is full ({Options.MaxMembers} members).");
        }
        var policy = kind switch
        {
            MemberKind.Participant => MediaPolicy.SendReceive,
            MemberKind.Publisher => MediaPolicy.ReceiveOnly,
            _ => MediaPolicy.SendOnly,
        };
        var ice = IceCredentials.Generate();
        var answer = new SdpAnswerer(new SdpAnswerOptions
        {
            Transport = new LocalTransport
            {
                IceUfrag = ice.Ufrag,
                IcePwd = ice.Password,
                Fingerprint = _media.Fingerprint,
                Candidates = _media.Candidates,
            },
            Audio = policy,
            Video = policy,
            AudioTracks = [new LocalTrack(NewSsrc(), "mcu", "mcu-" + Name, "mix")],
            VideoTracks = [new LocalTrack(NewSsrc(), "mcu", "mcu-" + Name, "composite") { RtxSsrc = NewSsrc() }],
        }).CreateAnswer(offer);

        var id = Interlocked.Increment(ref _nextId);
        var name = string.IsNullOrWhiteSpace(displayName) ? $"Guest {id}" : Clip(displayName.Trim(), 64);
        var member = new RoomMember(id, name, kind, answer.Session.Media, this);
        if (!member.PublishesAudio && !member.PublishesVideo && !member.ReceivesAudio && !member.ReceivesVideo)
        {
            throw new ConferenceException(kind == MemberKind.Publisher
                ? "The offer sends no Opus audio or VP8 video the room can use."
                : "The offer accepts no Opus audio or VP8 video from the room.");
        }
        var connection = await PeerConnection.AcceptAsync(_media.Port, ice, answer.Session, _media.Certificate, member.Network).ConfigureAwait(false);
        member.Connection = connection;
        var part = PartFor(connection.Loop);
        await connection.Loop.InvokeAsync(now =>
        {
            part.AddMember(member, now);
            return 0;
        }).ConfigureAwait(false);
        lock (_lock)
        {
            _members = [.. _members, member];
        }
        LogJoined(_logger, Name, id, name, kind);
        RaiseChanged();
        return new JoinResult(id, kind, answer.Sdp);
    }

    /// <summary>Hangs up on a member; false when there is no such member.</summary>
    public async Task<bool> RemoveAsync(int memberId, string reason)
    {
        var member = Find(memberId);
        if (member is null)
        {
            return false;
        }
        await member.Connection.CloseAsync(reason).ConfigureAwait(false);
        // The session's end (on its loop) removes the member; wait for it so the caller sees it gone.
        await member.Connection.Ended.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Where a member's media comes from: the address its ICE checks validated (a TURN relay's
    /// address when it is relayed); null before the first valid check or for no such member.
    /// </summary>
    public async Task<System.Net.IPEndPoint?> GetRemoteEndPointAsync(int memberId)
    {
        if (Find(memberId) is not { } member)
        {
            return null;
        }
        var address = await member.Connection.InvokeAsync((session, _) => session.RemoteAddress).ConfigureAwait(false);
        if (address is null)
        {
            return null;
        }
        var template = address.Family == System.Net.Sockets.AddressFamily.InterNetworkV6 ? System.Net.IPAddress.IPv6Any : System.Net.IPAddress.Any;
        return (System.Net.IPEndPoint)new System.Net.IPEndPoint(template, 0).Create(address);
    }

    /// <summary>Mutes or unmutes what a member contributes to the mix; false when there is no such member.</summary>
    public bool SetMuted(int memberId, bool muted)
    {
        var member = Find(memberId);
        if (member is null)
        {
            return false;
        }
        member.Muted = muted;
        RaiseChanged();
        return true;
    }

    /// <summary>Switches the composite to a layout or group from the catalog; false when it does not exist.</summary>
    public bool SetLayout(string layoutName)
    {
        ArgumentException.ThrowIfNullOrEmpty(layoutName);
        if (_layouts is not null && _layouts.Current.Find(layoutName) is null)
        {
            return false;
        }
        _layoutName = layoutName;
        RaiseChanged();
        return true;
    }

    /// <summary>
    /// Starts feeding <paramref name="tap"/> the encoded composite and the full mix; the next
    /// composite frame is a keyframe, so a recording starts on one.
    /// </summary>
    public void AddTap(IRoomMediaTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        lock (_lock)
        {
            _taps = [.. _taps, tap];
        }
        lock (Keyframes)
        {
            Keyframes.Force();
        }
    }

    /// <summary>Makes the next composite frame a keyframe (a recorder that dropped video resumes at it).</summary>
    public void RequestKeyframe()
    {
        lock (Keyframes)
        {
            Keyframes.Force();
        }
    }

    /// <summary>
    /// Raises <see cref="Changed"/> for state kept beside the room that its clients see with it
    /// (whether it is being recorded).
    /// </summary>
    public void NotifyChanged() => RaiseChanged();

    /// <summary>
    /// Benchmark hook: a publisher without a session, whose encoded VP8 frames the caller hands
    /// straight to <see cref="Decoder"/>, so that the room's own decode, compose and encode path
    /// can be measured without the network. It stays until the room is disposed.
    /// </summary>
    internal RoomMember AddLocalPublisher(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var member = new RoomMember(Interlocked.Increment(ref _nextId), name, MemberKind.Publisher, [], this);
        lock (_lock)
        {
            _members = [.. _members, member];
        }
        RaiseChanged();
        return member;
    }

    public void RemoveTap(IRoomMediaTap tap)
    {
        lock (_lock)
        {
            _taps = Array.FindAll(_taps, t => t != tap);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _clock.Dispose();
        foreach (var member in Volatile.Read(ref _members))
        {
            member.IsEnded = true;
            if (member.Connection is null)
            {
                continue; // fed in process: nothing to hang up
            }
            try
            {
                member.Connection.CloseAsync("the room closed").Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
                // A loop that is gone closes nothing; the member is forgotten either way.
            }
        }
        foreach (var part in Volatile.Read(ref _parts))
        {
            part.Close();
        }
        Decoder.Dispose();
        _audio.Dispose();
        _video.Dispose();
    }

    internal void OnMemberConnected(RoomMember member)
    {
        lock (Keyframes)
        {
            Keyframes.Force(); // a new receiver starts at a keyframe
        }
        RaiseChanged();
    }

    // Loop thread of the member's session.
    internal void OnMemberEnded(RoomMember member, string? reason)
    {
        if (member.IsEnded && Find(member.Id) is null)
        {
            return;
        }
        member.IsEnded = true;
        lock (_lock)
        {
            _members = Array.FindAll(_members, m => m != member);
        }
        foreach (var part in Volatile.Read(ref _parts))
        {
            if (part.Loop == member.Connection?.Loop)
            {
                part.RemoveMember(member);
            }
        }
        Decoder.Forget(member);
        lock (_bandwidth)
        {
            _bandwidth.RemoveReceiver((uint)member.Id);
        }
        LogLeft(_logger, Name, member.Id, member.Name, reason ?? "left");
        RaiseChanged();
    }

    internal void RequestCompositeKeyframe(KeyframeRequestMethod method, uint requesterSsrc, byte firSequenceNumber)
    {
        lock (Keyframes)
        {
            if (method == KeyframeRequestMethod.FullIntraRequest)
            {
                Keyframes.OnFullIntraRequest(requesterSsrc, 0, firSequenceNumber);
            }
            else
            {
                Keyframes.OnPictureLossIndication();
            }
        }
    }

    internal void OnReceiverEstimate(RoomMember member, ulong bitrate)
    {
        lock (_bandwidth)
        {
            _bandwidth.OnEstimate(MonotonicClock.Now, (uint)member.Id, bitrate);
        }
    }

    internal bool TryTakeBitrate(TimeSpan now, out int bitrate)
    {
        lock (_bandwidth)
        {
            var changed = _bandwidth.TryUpdate(now, out var target);
            bitrate = (int)Math.Min(target, int.MaxValue);
            return changed;
        }
    }

    internal void OnSpeakerChanged(int? speaker) => RaiseChanged();

    internal LayoutDefinition ResolveLayout(int shown) =>
        _layouts?.Resolve(_layoutName, shown)
        ?? _layouts?.Resolve(LayoutSnapshot.DefaultLayoutName, shown)
        ?? FallbackLayout.Grid(shown);

    internal void Distribute(OutgoingVideoFrame frame)
    {
        foreach (var part in Volatile.Read(ref _parts))
        {
            frame.AddReferences(1);
            part.Post(frame);
        }
        frame.Release();
    }

    internal void Distribute(OutgoingAudio audio)
    {
        foreach (var part in Volatile.Read(ref _parts))
        {
            audio.AddReferences(1);
            part.Post(audio);
        }
        audio.Release();
    }

    private RoomLoopPart PartFor(NetworkLoop loop)
    {
        lock (_lock)
        {
            foreach (var existing in _parts)
            {
                if (existing.Loop == loop)
                {
                    return existing;
                }
            }
            var part = new RoomLoopPart(loop);
            loop.Post(now => loop.Add(part, now));
            _parts = [.. _parts, part];
            return part;
        }
    }

    private RoomMember? Find(int memberId) => Array.Find(Volatile.Read(ref _members), m => m.Id == memberId);

    private void AudioTick(long index, TimeSpan now)
    {
        ReportMissed(_clock.Audio.Missed, ref _reportedAudioMissed, ConferenceMetrics.MissedAudioTicks);
        _audio.Tick(index, _clock.Start + (AudioPeriod * index), Volatile.Read(ref _members));
    }

    /// <summary>
    /// One video tick on the caller's thread, for a room built without threads of its own: <paramref name="index"/>
    /// frame periods after the room's time origin.
    /// </summary>
    internal void TickVideo(long index) => VideoTick(index, _clock.Start + (_clock.Video.Period * index));

    private void VideoTick(long index, TimeSpan now)
    {
        ReportMissed(_clock.Video.Missed, ref _reportedVideoMissed, ConferenceMetrics.MissedVideoTicks);
        _video.Tick(now, Volatile.Read(ref _members), _audio.Speaker);
    }

    private static void ReportMissed(long missed, ref long reported, System.Diagnostics.Metrics.Counter<long> counter)
    {
        if (missed > reported)
        {
            counter.Add(missed - reported);
            reported = missed;
        }
    }

    private void OnTickError(Exception error)
    {
        Interlocked.Increment(ref _tickErrors);
        LogTickError(_logger, Name, error);
    }

    private void RaiseChanged() => Changed?.Invoke(this, EventArgs.Empty);

    private static uint NewSsrc() => (uint)Random.Shared.Next(1, int.MaxValue);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {Room}: member {MemberId} ({Name}) joined as {Kind}")]
    private static partial void LogJoined(ILogger logger, string room, int memberId, string name, MemberKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {Room}: member {MemberId} ({Name}) left: {Reason}")]
    private static partial void LogLeft(ILogger logger, string room, int memberId, string name, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Room {Room}: a clock tick failed")]
    private static partial void LogTickError(ILogger logger, string room, Exception error);
}
